package org.doublerandom.inspection.inspector;

/** Who the person is for the team: an enforcement officer, or an expert who only advises. */
public enum InspectorKind {

	/** 执法人员: holds an enforcement certificate and counts toward the minimum of two officers per check. */
	OFFICER,
	/** 专家: from a testing body, research institute or industry; joins a team on top of the officers. */
	EXPERT;

	/** 执法人员不得少于两人 (行政处罚法 第42条): only officers count toward that minimum. */
	public boolean countsTowardMinimumOfficers() {
		return this == OFFICER;
	}

}
