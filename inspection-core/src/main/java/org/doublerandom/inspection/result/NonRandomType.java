package org.doublerandom.inspection.result;

/**
 * 非随机检查的类型: why an inspection happened although nobody drew the target. Always shown with the
 * inspection, so that it is never taken for a drawn one.
 */
public enum NonRandomType {

	/** 重点监管: a target under key supervision, inspected on purpose. */
	KEY_SUPERVISION,
	/** 个案: a case raised by a complaint, a report (投诉举报) or a referral. */
	CASE,
	/** 专项检查: a special campaign. */
	SPECIAL_CAMPAIGN

}
