package org.doublerandom.inspection.spreadsheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever bytes are uploaded as a spreadsheet — truncated workbooks, zip bombs, binary junk, mixed encodings —
 * the reader yields rows or refuses the file with a reason the page can show, never another exception. The
 * stored inputs under {@code SpreadsheetReaderFuzzTestsInputs/} run in every build.
 */
class SpreadsheetReaderFuzzTests {

	static final ReadLimits LIMITS = new ReadLimits(1024 * 1024, 1_000, 8L * 1024 * 1024, 0.01);

	@FuzzTest(maxDuration = "60s")
	void anyUploadIsReadAsRowsOrRefusedWithAReason(byte[] upload) throws IOException {
		Path file = Files.createTempFile("fuzz-upload", ".bin");
		try {
			Files.write(file, upload);
			List<List<String>> rows = new ArrayList<>();
			try {
				SpreadsheetReader.read(file, LIMITS, (rowNumber, cells) -> {
					assertThat(rowNumber).isPositive();
					rows.add(cells);
				});
				assertThat(rows).isNotEmpty()
					.allSatisfy(cells -> assertThat(cells).doesNotContainNull()
						.allSatisfy(cell -> assertThat(cell).isEqualTo(cell.strip())));
			}
			catch (SpreadsheetException refused) {
				assertThat(refused.messageKey()).startsWith("file.");
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
