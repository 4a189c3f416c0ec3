package org.doublerandom.inspection.plan;

/** 实施层级: who draws and who inspects. */
public enum ImplementationLevel {

	/** 市抽市查 */
	CITY_CITY,
	/** 市抽旗区查 */
	CITY_COUNTY,
	/** 旗区抽旗区查 */
	COUNTY_COUNTY

}
