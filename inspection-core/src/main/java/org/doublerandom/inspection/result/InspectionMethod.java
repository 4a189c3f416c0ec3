package org.doublerandom.inspection.result;

/** 检查方式: the six standard inspection methods. */
public enum InspectionMethod {

	/** 实地检查 */
	ON_SITE,
	/** 书面检查 */
	DOCUMENTARY,
	/** 行政部门检查结果或专业意见 */
	OTHER_AUTHORITY_FINDINGS,
	/** 检验检测 */
	TESTING,
	/** 网络监测 */
	ONLINE_MONITORING,
	/** 委托专业机构辅助 */
	EXPERT_ASSISTANCE

}
