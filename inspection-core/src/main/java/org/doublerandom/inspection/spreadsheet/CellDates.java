package org.doublerandom.inspection.spreadsheet;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Dates as people type them in a cell: 2026-01-31, 2026/1/31, 2026.1.31, 20260131 or 2026年1月31日. An XLSX date
 * cell already arrives as ISO text from {@link SpreadsheetReader}. Strict: 2026-02-30 is not a date.
 */
public final class CellDates {

	private static final List<DateTimeFormatter> FORMATS = List.of(pattern("uuuu-M-d"), pattern("uuuu/M/d"),
			pattern("uuuu.M.d"), pattern("uuuuMMdd"), pattern("uuuu年M月d日"));

	private CellDates() {
	}

	/** The date, or {@code null} when the text is no date in any accepted way of writing one. */
	public static LocalDate parse(String text) {
		String t = text.strip();
		for (DateTimeFormatter format : FORMATS) {
			try {
				return LocalDate.parse(t, format);
			}
			catch (DateTimeParseException ex) {
				// try the next way of writing a date
			}
		}
		return null;
	}

	private static DateTimeFormatter pattern(String pattern) {
		return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
	}

}
