package org.doublerandom.inspection.result;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.doublerandom.inspection.shared.DomainException;

/**
 * What the inspector records (录入): inspection date, result category (a RESULT_CATEGORY code), methods, follow-up
 * measures (FOLLOW_UP_MEASURE codes), one line per item, and whether the finding warrants the abnormal list.
 */
public record ResultEntry(LocalDate inspectionDate, String categoryCode, Set<InspectionMethod> methods,
		Set<String> measureCodes, List<ItemLine> items, boolean abnormalList) {

	static final int TEXT_LIMIT = 2000;

	public ResultEntry {
		if (inspectionDate == null) {
			throw new DomainException("result.inspectionDate.required", "inspectionDate");
		}
		if (categoryCode == null || categoryCode.isBlank()) {
			throw new DomainException("result.category.required", "categoryCode");
		}
		if (methods == null || methods.isEmpty()) {
			throw new DomainException("result.methods.required", "methods");
		}
		methods = Set.copyOf(methods);
		measureCodes = (measureCodes == null) ? Set.of() : Set.copyOf(measureCodes);
		items = List.copyOf(items);
		if (items.stream().noneMatch(ItemLine::checked)) {
			throw new DomainException("result.items.noneChecked", "items");
		}
	}

	/** 检查事项: checked or not (未检查 needs no text), problems found and the handling (处理情况). */
	public record ItemLine(String itemCode, boolean checked, String problems, String handling) {

		public ItemLine {
			problems = blankToNull(problems);
			handling = blankToNull(handling);
			if (problems != null && problems.length() > TEXT_LIMIT) {
				throw new DomainException("result.items.tooLong", "items", itemCode, TEXT_LIMIT);
			}
			if (handling != null && handling.length() > TEXT_LIMIT) {
				throw new DomainException("result.items.tooLong", "items", itemCode, TEXT_LIMIT);
			}
			if (problems != null && handling == null) {
				throw new DomainException("result.items.handlingRequired", "items", itemCode);
			}
		}

		private static String blankToNull(String text) {
			return (text == null || text.isBlank()) ? null : text.strip();
		}

	}

}
