package org.doublerandom.inspection.spreadsheet;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SpreadsheetReaderTests {

	@TempDir
	Path dir;

	final ReadLimits limits = new ReadLimits(10 * 1024 * 1024, 1000, 20 * 1024 * 1024, 0.01);

	List<List<String>> read(Path file) {
		List<List<String>> rows = new ArrayList<>();
		SpreadsheetReader.read(file, this.limits, (n, cells) -> rows.add(cells));
		return rows;
	}

	@Test
	void readsUtf8CsvWithAByteOrderMarkAndQuotedCommas() throws IOException {
		Path csv = this.dir.resolve("a.csv");
		Files.writeString(csv, "\uFEFF名称,代码\n\"演示，公司\",\"9115\"\n\n", StandardCharsets.UTF_8);
		assertThat(read(csv)).containsExactly(List.of("名称", "代码"), List.of("演示，公司", "9115"));
	}

	@Test
	void readsCsvSavedByChineseExcelInGbk() throws IOException {
		Path csv = this.dir.resolve("gbk.csv");
		Files.write(csv, "名称,区域\n演示餐饮店,东胜区\n".getBytes(Charset.forName("GB18030")));
		assertThat(read(csv).get(1)).containsExactly("演示餐饮店", "东胜区");
	}

	@Test
	void readsTheFirstSheetOfAnXlsxWithIsoDatesAndWholeNumbersInFull() throws IOException {
		Path xlsx = SpreadsheetFiles.xlsx(this.dir, "a.xlsx",
				List.of(List.of("名称", "注册号", "成立日期"), List.of("演示", 150602600123456L, LocalDate.of(2020, 1, 15))));
		assertThat(read(xlsx)).containsExactly(List.of("名称", "注册号", "成立日期"),
				List.of("演示", "150602600123456", "2020-01-15"));
	}

	@Test
	void refusesAnEmptyFile() throws IOException {
		Path empty = Files.createFile(this.dir.resolve("empty.csv"));
		assertThatExceptionOfType(SpreadsheetException.class).isThrownBy(() -> read(empty))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("file.empty"));
	}

	@Test
	void refusesBinaryGarbageRenamedXlsx() throws IOException {
		Path garbage = this.dir.resolve("photo.xlsx");
		byte[] bytes = new byte[4096];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 31 + 7);
		}
		Files.write(garbage, bytes);
		assertThatExceptionOfType(SpreadsheetException.class).isThrownBy(() -> read(garbage))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("file.notSpreadsheet"));
	}

	@Test
	void refusesAZipThatIsNotAWorkbook() throws IOException {
		Path zip = this.dir.resolve("archive.xlsx");
		try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
			out.write("hello".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		assertThatExceptionOfType(SpreadsheetException.class).isThrownBy(() -> read(zip))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("file.notSpreadsheet"));
	}

	@Test
	void refusesAZipBomb() throws IOException {
		Path bomb = SpreadsheetFiles.zipBomb(this.dir);
		assertThat(Files.size(bomb)).isLessThan(1024 * 1024);
		assertThatExceptionOfType(SpreadsheetException.class).isThrownBy(() -> read(bomb))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("file.zipBomb"));
	}

	@Test
	void refusesTheOldBinaryExcelFormatWithAnExplanation() throws IOException {
		Path xls = this.dir.resolve("old.xls");
		Files.write(xls, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1, 0, 0 });
		assertThatExceptionOfType(SpreadsheetException.class).isThrownBy(() -> read(xls))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("file.legacyXls"));
	}

	@Test
	void refusesFilesAboveTheSizeAndRowLimits() throws IOException {
		Path csv = this.dir.resolve("many.csv");
		StringBuilder content = new StringBuilder("名称\n");
		for (int i = 0; i < 1001; i++) {
			content.append("演示").append(i).append('\n');
		}
		Files.writeString(csv, content);
		assertThatExceptionOfType(SpreadsheetException.class).isThrownBy(() -> read(csv))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("file.tooManyRows"));
		ReadLimits tiny = new ReadLimits(100, 1000, 1024, 0.01);
		assertThatExceptionOfType(SpreadsheetException.class)
			.isThrownBy(() -> SpreadsheetReader.read(csv, tiny, (n, cells) -> {
			}))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("file.tooLarge"));
	}

	@Test
	void reportsTheRowOfAnUnbalancedQuote() throws IOException {
		Path csv = this.dir.resolve("broken.csv");
		Files.writeString(csv, "名称,代码\n演示,1\n\"未闭合,2\n");
		assertThatExceptionOfType(SpreadsheetException.class).isThrownBy(() -> read(csv))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("file.csvMalformed"));
	}

}
