package org.doublerandom.inspection.inspector;

/** 人员状态: only active people may be drawn. */
public enum InspectorStatus {

	/** 在岗 */
	ACTIVE,
	/** 暂离 (leave, training, secondment) */
	ON_LEAVE,
	/** 离岗 (left the department); kept for the history of past checks */
	LEFT

}
