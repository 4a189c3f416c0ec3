package org.doublerandom.inspection.item;

/**
 * A current list version for the overview page. {@code overdue}: a draft open for more than
 * {@link ItemListService#DRAFT_WORKING_DAYS} working days (the plan wants a revised list entered and published
 * within 10 working days, 10个工作日内).
 */
public record ItemListSummary(ItemList list, int itemCount, int workingDaysOpen, boolean overdue) {
}
