package org.doublerandom.inspection.overview;

/** The signed-in home page's figures, all counted from the database. */
public record OverviewFigures(long regions, long departments, long enforcingDepartments, long accounts,
		long activeAccounts, long dictionaryEntries, long auditEvents) {
}
