package org.doublerandom.inspection.result;

/** 后续处置: what kind of follow-up. */
public enum FollowUpKind {

	/** 处置措施 within the department (责令改正 and its check, etc.) */
	MEASURE,
	/** 抄告: a lead passed to another department, which sees it */
	TRANSFER,
	/** 移送: to the case-handling unit or judicial organs */
	REFERRAL

}
