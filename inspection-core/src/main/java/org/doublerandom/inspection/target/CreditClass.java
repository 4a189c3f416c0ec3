package org.doublerandom.inspection.target;

/**
 * 信用风险分类: the enterprise credit-risk classes, A (low risk) to D (high risk). Sampling rates and
 * frequencies differ per class (分级分类监管).
 */
public enum CreditClass {

	/** 信用风险低 */
	A,
	/** 信用风险一般 */
	B,
	/** 信用风险较高 */
	C,
	/** 信用风险高 */
	D

}
