package org.doublerandom.inspection.plan;

/** A department's own annual plan (部门年度随机抽查计划) or the city's joint plan (部门联合年度随机抽查计划). */
public enum PlanType {

	DEPARTMENT, JOINT

}
