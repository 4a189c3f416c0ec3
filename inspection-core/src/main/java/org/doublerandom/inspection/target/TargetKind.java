package org.doublerandom.inspection.target;

/**
 * 检查对象类型: what the target registry (检查对象名录库) may hold, per the seed plan's 三(四). Labels live in
 * the message bundles ({@code enum.TargetKind.*}).
 */
public enum TargetKind {

	/** 企业 */
	ENTERPRISE(true),
	/** 个体工商户 */
	INDIVIDUAL_BUSINESS(true),
	/** 农民专业合作社 */
	FARMERS_COOPERATIVE(true),
	/** 事业单位 */
	PUBLIC_INSTITUTION(false),
	/** 社团法人 (社会组织) */
	SOCIAL_ORGANISATION(false),
	/** 项目工程 */
	PROJECT(false),
	/** 特定人员 */
	SPECIFIC_PERSON(false),
	/** 设施设备 */
	FACILITY(false),
	/** 场地场所 */
	SITE(false),
	/** 产品 */
	PRODUCT(false),
	/** 行为 */
	BEHAVIOUR(false);

	private final boolean marketEntity;

	TargetKind(boolean marketEntity) {
		this.marketEntity = marketEntity;
	}

	/** 市场主体: identified by a 统一社会信用代码 (or a legacy registration number). */
	public boolean isMarketEntity() {
		return this.marketEntity;
	}

}
