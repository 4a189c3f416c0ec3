package org.doublerandom.inspection.result;

/** What the public learns of an item line (检查情况): not checked, no problem found, or a problem found. */
public enum ItemOutcome {

	NOT_CHECKED, NO_PROBLEM, PROBLEM_FOUND;

	public static ItemOutcome of(boolean checked, String problems) {
		if (!checked) {
			return NOT_CHECKED;
		}
		return (problems != null && !problems.isBlank()) ? PROBLEM_FOUND : NO_PROBLEM;
	}

}
