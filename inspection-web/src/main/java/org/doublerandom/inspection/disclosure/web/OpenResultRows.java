package org.doublerandom.inspection.disclosure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doublerandom.inspection.plan.Selection;
import org.doublerandom.inspection.result.OpenResultService;
import org.doublerandom.inspection.result.OpenResults;
import org.doublerandom.inspection.result.Terms;
import org.springframework.stereotype.Component;

/**
 * The published results as open-data rows, shared by the downloads and the API so that both say the same. Keys
 * are the JSON field names and, through {@code disclosure.column.*}, the CSV header. The result is given as its
 * dictionary code and its Chinese label (the CSV shows the label in the visitor's language).
 */
@Component
class OpenResultRows {

	static final List<String> RESULT_COLUMNS = List.of("resultId", "taskCode", "taskName", "planCode", "planName",
			"selection", "department", "entityName", "creditCode", "completedOn", "resultCode", "result", "publishedOn",
			"page");

	static final List<String> ITEM_COLUMNS = List.of("resultId", "position", "itemCode", "itemName", "outcome");

	private final OpenResultService results;

	OpenResultRows(OpenResultService results) {
		this.results = results;
	}

	/** The category labels by code, read once per download or answer. */
	Map<String, Terms.Term> categories() {
		return this.results.categories()
			.stream()
			.collect(Collectors.toMap(Terms.Term::code, Function.identity(), (a, b) -> a));
	}

	static Map<String, Object> row(OpenResults.Line line, Map<String, Terms.Term> categories, Locale locale) {
		Terms.Term category = categories.get(line.categoryCode());
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("resultId", line.resultId());
		row.put("taskCode", line.taskCode());
		row.put("taskName", line.taskName());
		row.put("planCode", line.planCode());
		row.put("planName", line.planName());
		row.put("selection", line.directed() ? Selection.DIRECTED : Selection.UNDIRECTED);
		row.put("department", line.department());
		row.put("entityName", line.entityName());
		row.put("creditCode", line.creditCode());
		row.put("completedOn", line.completedOn());
		row.put("resultCode", line.categoryCode());
		row.put("result", (category != null) ? category.label(locale) : line.categoryCode());
		row.put("publishedOn", line.publishedOn());
		row.put("page", "/public/results/" + line.resultId());
		return row;
	}

	static Map<String, Object> item(OpenResults.ItemLine line) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("resultId", line.resultId());
		row.put("position", line.position());
		row.put("itemCode", line.itemCode());
		row.put("itemName", line.itemName());
		row.put("outcome", line.outcome());
		return row;
	}

}
