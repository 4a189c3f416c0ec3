package org.doublerandom.inspection.oversight.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.doublerandom.inspection.oversight.Figure;
import org.doublerandom.inspection.oversight.FigureRow;
import org.doublerandom.inspection.oversight.MessageKey;
import org.springframework.context.MessageSource;

/**
 * A figure in the reader's language: headings and labels resolved, cells as text. The table, the CSV export
 * and the chart's JSON are all made from this one view, so they cannot differ.
 */
record FigureView(String key, String chart, String title, String note, List<String> headers, List<List<String>> rows,
		List<Integer> plotted, List<Boolean> percent) {

	static FigureView of(Figure figure, MessageSource messages, Locale locale) {
		List<String> headers = new ArrayList<>();
		headers.add(messages.getMessage(figure.labelColumnKey(), null, locale));
		figure.columnKeys().forEach(k -> headers.add(messages.getMessage(k, null, locale)));
		List<List<String>> rows = new ArrayList<>();
		for (FigureRow row : figure.rows()) {
			List<String> cells = new ArrayList<>();
			cells.add(row.labelIsKey() ? messages.getMessage(row.label(), null, row.label(), locale) : row.label());
			row.cells().forEach(c -> cells.add(text(c, messages, locale)));
			rows.add(cells);
		}
		List<Boolean> percent = new ArrayList<>();
		percent.add(false);
		if (figure.rows().isEmpty()) {
			figure.columnKeys().forEach(k -> percent.add(false));
		}
		else {
			figure.rows().get(0).cells().forEach(c -> percent.add(c instanceof BigDecimal));
		}
		return new FigureView(figure.key(), figure.chart().name(),
				messages.getMessage("oversight.figure." + figure.key(), null, locale),
				messages.getMessage("oversight.figure." + figure.key() + ".note", null, locale), headers, rows,
				figure.plotted(), percent);
	}

	private static String text(Object cell, MessageSource messages, Locale locale) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof MessageKey key) {
			return messages.getMessage(key.key(), null, key.fallback(), locale);
		}
		if (cell instanceof BigDecimal value) {
			return value.toPlainString();
		}
		return cell.toString();
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	public boolean isPercent(int column) {
		return this.percent.get(column);
	}

	/** What the chart script draws: categories are the row labels, one series per plotted column. */
	Chart toChart() {
		List<String> categories = this.rows.stream().map(r -> r.get(0)).toList();
		List<Series> series = new ArrayList<>();
		for (int column : this.plotted) {
			List<Number> data = new ArrayList<>();
			for (List<String> row : this.rows) {
				String value = row.get(column + 1);
				data.add(value.isEmpty() ? 0 : new BigDecimal(value));
			}
			series.add(new Series(this.headers.get(column + 1), this.percent.get(column + 1), data));
		}
		return new Chart(this.key, this.chart, this.title, categories, series);
	}

	record Chart(String key, String kind, String title, List<String> categories, List<Series> series) {
	}

	record Series(String name, boolean percent, List<Number> data) {
	}

}
