package org.doublerandom.inspection.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetWriterTests {

	@TempDir
	Path dir;

	@Test
	void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
		assertThat(SpreadsheetWriter.neutralize("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
		assertThat(SpreadsheetWriter.neutralize("+1")).isEqualTo("'+1");
		assertThat(SpreadsheetWriter.neutralize("-2+3")).isEqualTo("'-2+3");
		assertThat(SpreadsheetWriter.neutralize("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetWriter.neutralize("演示公司")).isEqualTo("演示公司");
		assertThat(SpreadsheetWriter.neutralize(null)).isEmpty();
	}

	@Test
	void writesXlsxThatReadsBackAsTextWithFormulasDefused() throws IOException {
		Path file = this.dir.resolve("out.xlsx");
		try (var out = Files.newOutputStream(file)) {
			SpreadsheetWriter.xlsx(out, "检查对象", List.of("名称", "代码"), sink -> {
				sink.accept(List.of("=cmd|' /C calc'!A0", "91350100M000100Y43"));
				sink.accept(List.of("演示", "150602600123456"));
			});
		}
		List<List<String>> rows = new ArrayList<>();
		SpreadsheetReader.read(file, ReadLimits.uploads(), (n, cells) -> rows.add(cells));
		assertThat(rows).containsExactly(List.of("名称", "代码"), List.of("'=cmd|' /C calc'!A0", "91350100M000100Y43"),
				List.of("演示", "150602600123456"));
	}

	@Test
	void writesCsvWithAByteOrderMarkSoExcelReadsChinese() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SpreadsheetWriter.csv(out, List.of("名称"), sink -> sink.accept(List.of("=1+1")));
		String csv = out.toString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF名称").contains("'=1+1");
	}

}
