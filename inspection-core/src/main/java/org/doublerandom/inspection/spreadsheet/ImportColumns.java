package org.doublerandom.inspection.spreadsheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns an import accepts: headings in Chinese (the template's) or their English aliases, in any order.
 * A header with an unknown, a repeated or a missing required column refuses the whole file, because every row
 * of it would be read wrongly. The refusals use the message keys {@code <prefix>.header.unknown},
 * {@code .missing} and {@code .duplicate}, so each registry words them in its own bundle.
 */
public record ImportColumns(List<String> columns, List<String> english, Set<String> required, String keyPrefix) {

	public ImportColumns {
		if (columns.size() != english.size() || !columns.containsAll(required)) {
			throw new IllegalArgumentException("every column needs one English alias; required columns must exist");
		}
		columns = List.copyOf(columns);
		english = List.copyOf(english);
		required = Set.copyOf(required);
	}

	/** Column name (Chinese) → index in the row, for the columns the header holds. */
	public Map<String, Integer> map(List<String> header) {
		Map<String, Integer> index = new LinkedHashMap<>();
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			String heading = header.get(i).strip();
			if (heading.isEmpty()) {
				continue;
			}
			int alias = this.english.indexOf(heading.toLowerCase(Locale.ROOT));
			String name = this.columns.contains(heading) ? heading : (alias >= 0) ? this.columns.get(alias) : null;
			if (name == null) {
				unknown.add(heading);
			}
			else if (index.putIfAbsent(name, i) != null) {
				throw new SpreadsheetException(this.keyPrefix + ".header.duplicate", name);
			}
		}
		if (!unknown.isEmpty()) {
			throw new SpreadsheetException(this.keyPrefix + ".header.unknown", String.join("、", unknown),
					String.join("、", this.columns));
		}
		List<String> missing = this.columns.stream()
			.filter(column -> this.required.contains(column) && !index.containsKey(column))
			.toList();
		if (!missing.isEmpty()) {
			throw new SpreadsheetException(this.keyPrefix + ".header.missing", String.join("、", missing));
		}
		return index;
	}

	/** Whether a data row has non-empty cells to the right of the last heading (a shifted row). */
	public static boolean hasExtraCells(List<String> cells, Map<String, Integer> index) {
		int width = index.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
		return cells.size() > width && cells.subList(width, cells.size()).stream().anyMatch(c -> !c.isEmpty());
	}

}
