package org.doublerandom.inspection.result.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.result.InspectionResult;
import org.doublerandom.inspection.result.ResultEntry;
import org.doublerandom.inspection.result.ResultItem;
import org.doublerandom.inspection.result.WorkRow;
import org.springframework.format.annotation.DateTimeFormat;

/** 结果录入: the date, category, methods, measures, one line per item, and the abnormal-list flag. */
record ResultForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectionDate, String categoryCode,
		List<InspectionMethod> methods, List<String> measureCodes, List<Line> items, Boolean abnormalList) {

	/** One item line; {@code checked} is absent when the box is not ticked. */
	record Line(String itemCode, String itemName, Boolean checked, String problems, String handling) {
	}

	ResultEntry toEntry() {
		return new ResultEntry(this.inspectionDate, this.categoryCode, Set.copyOf(nonNull(this.methods)),
				Set.copyOf(nonNull(this.measureCodes)),
				nonNull(this.items).stream()
					.map(l -> new ResultEntry.ItemLine(l.itemCode(), Boolean.TRUE.equals(l.checked()), l.problems(), l.handling()))
					.toList(),
				Boolean.TRUE.equals(this.abnormalList));
	}

	private static <T> List<T> nonNull(List<T> list) {
		return (list == null) ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
	}

	/** An empty form with the department's items. */
	static ResultForm blank(WorkRow row) {
		return new ResultForm(null, null, List.of(InspectionMethod.ON_SITE), List.of(),
				row.itemMap().entrySet().stream().map(e -> new Line(e.getKey(), e.getValue(), true, null, null)).toList(), false);
	}

	static ResultForm of(InspectionResult result) {
		return new ResultForm(result.getInspectionDate(), result.getCategoryCode(), List.copyOf(result.getMethods()),
				List.copyOf(result.getMeasures()),
				result.getItems().stream()
					.map((ResultItem i) -> new Line(i.getItemCode(), i.getItemName(),
							result.getInspectionDate() == null || i.isChecked(), i.getProblems(), i.getHandling()))
					.toList(),
				result.isAbnormalList());
	}

}
