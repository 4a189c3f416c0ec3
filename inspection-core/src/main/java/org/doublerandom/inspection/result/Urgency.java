package org.doublerandom.inspection.result;

/** How close a deadline is, for the worklist's colours: in working days left. */
public enum Urgency {

	/** 已公示 */
	DONE,
	/** 逾期 */
	OVERDUE,
	/** 3 working days or fewer */
	URGENT,
	/** 10 working days or fewer */
	SOON,
	/** more */
	NORMAL;

	public static Urgency of(ResultState state, int workingDaysLeft, boolean pastDeadline) {
		if (state == ResultState.PUBLISHED) {
			return DONE;
		}
		if (pastDeadline) {
			return OVERDUE;
		}
		if (workingDaysLeft <= 3) {
			return URGENT;
		}
		return (workingDaysLeft <= 10) ? SOON : NORMAL;
	}

	public String cssClass() {
		return "urgency-" + name().toLowerCase(java.util.Locale.ROOT);
	}

}
