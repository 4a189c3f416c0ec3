package org.doublerandom.inspection.spreadsheet;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One data row of an imported sheet: its cells by column heading, typed, with every conversion problem
 * reported at the row and column where it happened. Importers extend it with their own cell types.
 */
public class SheetRow {

	/** Where a row's problems go (an importer's error list). */
	@FunctionalInterface
	public interface Errors {

		void error(int row, String column, String messageKey, Object... arguments);

	}

	private final int number;

	private final List<String> cells;

	private final Map<String, Integer> columns;

	private final Errors errors;

	private boolean failed;

	public SheetRow(int number, List<String> cells, Map<String, Integer> columns, Errors errors) {
		this.number = number;
		this.cells = cells;
		this.columns = columns;
		this.errors = errors;
	}

	/** The row as the user sees it in the spreadsheet (1 is the header). */
	public int number() {
		return this.number;
	}

	/** Whether a cell of this row could not be read; the reason is already reported. */
	public boolean failed() {
		return this.failed;
	}

	/**
	 * The cell's text, empty when the column is absent. An export puts an apostrophe before text a
	 * spreadsheet would take for a formula ({@link SpreadsheetWriter#neutralize}); it is taken off again, so
	 * that an export imports back unchanged.
	 */
	public String text(String column) {
		Integer index = this.columns.get(column);
		String text = (index == null || index >= this.cells.size()) ? "" : this.cells.get(index);
		if (text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(text.charAt(1)) >= 0) {
			return text.substring(1);
		}
		return text;
	}

	/** One of the given values, looked up as typed and then upper-cased; empty is {@code null}. */
	public <E> E choice(String column, Map<String, E> values, String errorKey) {
		String text = text(column).strip();
		if (text.isEmpty()) {
			return null;
		}
		E value = values.get(text);
		if (value == null) {
			value = values.get(text.toUpperCase(Locale.ROOT));
		}
		if (value == null) {
			fail(column, errorKey, text);
		}
		return value;
	}

	/** A date written any of the ways {@link CellDates} accepts; empty is {@code null}. */
	public LocalDate date(String column, String errorKey) {
		String text = text(column);
		if (text.isEmpty()) {
			return null;
		}
		LocalDate date = CellDates.parse(text);
		if (date == null) {
			fail(column, errorKey, text);
		}
		return date;
	}

	public void fail(String column, String messageKey, Object... arguments) {
		this.failed = true;
		this.errors.error(this.number, column, messageKey, arguments);
	}

}
