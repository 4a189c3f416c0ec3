package org.doublerandom.inspection.oversight;

import java.util.List;

/**
 * One figure of the dashboard, the same data for its chart, its table and its CSV export.
 *
 * @param key stable name, also the message key suffix ({@code oversight.figure.<key>}) and the export's name
 * @param chart how it is drawn
 * @param labelColumnKey message key of the first column's heading
 * @param columnKeys message keys of the other columns' headings
 * @param plotted indexes into {@code columnKeys} of the columns the chart draws
 * @param rows the rows, in display order
 */
public record Figure(String key, ChartKind chart, String labelColumnKey, List<String> columnKeys, List<Integer> plotted,
		List<FigureRow> rows) {

	public Figure {
		columnKeys = List.copyOf(columnKeys);
		plotted = List.copyOf(plotted);
		rows = List.copyOf(rows);
		for (FigureRow row : rows) {
			if (row.cells().size() != columnKeys.size()) {
				throw new IllegalArgumentException(key + ": a row has " + row.cells().size() + " cells for "
						+ columnKeys.size() + " columns");
			}
		}
	}

	public long total(int column) {
		return this.rows.stream().mapToLong(r -> r.count(column)).sum();
	}

}
