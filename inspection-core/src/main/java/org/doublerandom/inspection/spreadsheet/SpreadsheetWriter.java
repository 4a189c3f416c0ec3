package org.doublerandom.inspection.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes rows as CSV or XLSX while they are produced, so an export of any size streams. Every cell is text,
 * and text that a spreadsheet would take for a formula is neutralised (CWE-1236).
 */
public final class SpreadsheetWriter {

	/** Receives the rows of an export one by one. */
	public interface RowSink extends Consumer<List<String>> {

	}

	/** Excel opens a UTF-8 CSV correctly only with a byte-order mark. */
	private static final char BOM = '\uFEFF';

	private SpreadsheetWriter() {
	}

	/** Text starting with = + - @, a tab or a carriage return gets a leading apostrophe. */
	public static String neutralize(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + value;
		}
		return value;
	}

	public static void csv(OutputStream out, List<String> header, Consumer<RowSink> rows) {
		try {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write(BOM);
			CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
			printer.printRecord(header.stream().map(SpreadsheetWriter::neutralize).toList());
			rows.accept(row -> {
				try {
					printer.printRecord(row.stream().map(SpreadsheetWriter::neutralize).toList());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void xlsx(OutputStream out, String sheetName, List<String> header, Consumer<RowSink> rows) {
		// keeps 200 rows in memory, the rest goes to a temporary file that dispose() removes
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			Sheet sheet = workbook.createSheet(sheetName);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row head = sheet.createRow(0);
			for (int i = 0; i < header.size(); i++) {
				var cell = head.createCell(i);
				cell.setCellValue(neutralize(header.get(i)));
				cell.setCellStyle(bold);
				sheet.setColumnWidth(i, 18 * 256);
			}
			sheet.createFreezePane(0, 1);
			int[] next = { 1 };
			rows.accept(values -> {
				Row row = sheet.createRow(next[0]++);
				for (int i = 0; i < values.size(); i++) {
					row.createCell(i).setCellValue(neutralize(values.get(i)));
				}
			});
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			workbook.dispose();
			try {
				workbook.close();
			}
			catch (IOException ex) {
				// nothing left to release: the temporary files are gone with dispose()
			}
		}
	}

}
