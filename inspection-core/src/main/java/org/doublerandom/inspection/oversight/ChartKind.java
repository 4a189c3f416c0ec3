package org.doublerandom.inspection.oversight;

/** How the dashboard draws a figure; every figure also has its table. */
public enum ChartKind {

	/** One bar per row and plotted column, grouped by row. */
	BAR,
	/** Bars of the first plotted column, a percentage line (right axis) of the second. */
	BAR_RATE,
	/** Shares of one plotted column. */
	PIE,
	/** No chart: a list (reasons, names) shown as a table only. */
	TABLE

}
