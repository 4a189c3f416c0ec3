package org.doublerandom.inspection.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * Two entries of different lead departments whose scopes share targets in overlapping periods: how many
 * targets, which items, and how many visits a merge saves (each planned target of the merged entry is
 * visited once instead of twice).
 */
public record EntryOverlap(PlanEntry first, PlanEntry second, long sharedTargets, List<EntryItem> items,
		LocalDate from, LocalDate to, long savedVisits) {
}
