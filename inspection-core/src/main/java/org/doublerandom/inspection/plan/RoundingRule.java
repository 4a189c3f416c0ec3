package org.doublerandom.inspection.plan;

/**
 * How a rate becomes a number of targets. CEILING reads "不低于" literally: every class's share rounded up.
 * LARGEST_REMAINDER shares a fixed total among the classes in proportion to their rated shares (Hamilton).
 */
public enum RoundingRule {

	CEILING, LARGEST_REMAINDER

}
