package org.doublerandom.inspection.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds test files: real XLSX workbooks, and a zip bomb that looks like one. */
public final class SpreadsheetFiles {

	private SpreadsheetFiles() {
	}

	public static Path xlsx(Path dir, String name, List<List<Object>> rows) throws IOException {
		Path file = dir.resolve(name);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
			var sheet = workbook.createSheet("data");
			var dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
			for (int r = 0; r < rows.size(); r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					Object value = rows.get(r).get(c);
					var cell = row.createCell(c);
					if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else if (value instanceof java.time.LocalDate date) {
						cell.setCellValue(date);
						cell.setCellStyle(dateStyle);
					}
					else if (value != null) {
						cell.setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
		}
		return file;
	}

	/** A well-formed XLSX whose sheet inflates from a few kilobytes to tens of megabytes. */
	public static Path zipBomb(Path dir) throws IOException {
		Path template = xlsx(dir, "template.xlsx", List.of(List.of("对象类型", "代码")));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(template)));
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().startsWith("xl/worksheets/")) {
					String sheet = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					out.write(sheet.replace("<sheetData>", "<sheetData><!--" + " ".repeat(50_000_000) + "-->")
						.getBytes(StandardCharsets.UTF_8));
				}
				else {
					in.transferTo(out);
				}
				out.closeEntry();
			}
		}
		Path bomb = dir.resolve("bomb.xlsx");
		Files.write(bomb, bytes.toByteArray());
		return bomb;
	}

}
