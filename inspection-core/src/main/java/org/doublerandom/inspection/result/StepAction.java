package org.doublerandom.inspection.result;

/** A recorded step of the review: the inspector's submission or the reviewer's decision. */
public enum StepAction {

	/** 提交审核 */
	SUBMIT,
	/** 退回 */
	RETURN,
	/** 不通过 */
	REJECT,
	/** 审核通过并公示 */
	PUBLISH

}
