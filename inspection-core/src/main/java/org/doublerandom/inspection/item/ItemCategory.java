package org.doublerandom.inspection.item;

/** 检查类别: SAMR 国市监信〔2019〕38号 splits items into general and key ones. */
public enum ItemCategory {

	/** 一般检查事项: the sampling ratio is strictly limited */
	GENERAL,
	/** 重点检查事项: safety, quality and public interest; no upper limit on the ratio */
	KEY

}
