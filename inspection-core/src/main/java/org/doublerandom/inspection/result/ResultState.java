package org.doublerandom.inspection.result;

/** The review workflow of one department's result for one target. */
public enum ResultState {

	/** 未录入: nothing submitted yet (a saved draft is still 未录入) */
	NOT_ENTERED,
	/** 待审核 */
	PENDING_REVIEW,
	/** 退回: back to the inspector with the reviewer's opinion, to be corrected */
	RETURNED,
	/** 不通过: the inspection itself must be redone (a later inspection date) before it is submitted again */
	REJECTED,
	/** 已公示 */
	PUBLISHED;

	/** The inspector may still change the result. */
	public boolean editable() {
		return this == NOT_ENTERED || this == RETURNED || this == REJECTED;
	}

}
