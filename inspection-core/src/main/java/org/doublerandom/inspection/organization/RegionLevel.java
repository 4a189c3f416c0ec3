package org.doublerandom.inspection.organization;

/** 行政区划层级: the city (市) or one of its banners/districts (旗区). */
public enum RegionLevel {

	CITY, COUNTY

}
