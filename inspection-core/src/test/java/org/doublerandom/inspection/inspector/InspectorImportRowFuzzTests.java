package org.doublerandom.inspection.inspector;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any row of an inspector import (名录导入) becomes a person to save or errors at named columns of that row;
 * never an exception that would turn the preview into an error page.
 */
class InspectorImportRowFuzzTests {

	@FuzzTest(maxDuration = "60s")
	void anyRowBecomesAPersonOrErrorsAtItsColumns(FuzzedDataProvider data) {
		var column = InspectorImport.HEADER.map(InspectorImport.COLUMNS);
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < InspectorImport.COLUMNS.size(); i++) {
			cells.add(data.consumeString(40).strip());
		}
		var checked = new InspectorImport.Checked();
		var row = InspectorImport.parse(new InspectorImport.Row(9, cells, column, checked),
				InspectorImportRowTests.REGIONS, "150602");
		if (row == null) {
			assertThat(checked.errors).isNotEmpty();
		}
		if (!checked.errors.isEmpty()) {
			assertThat(checked.errors).allSatisfy(error -> {
				assertThat(error.row()).isEqualTo(9);
				assertThat(error.messageKey()).isNotBlank();
				assertThat(InspectorImport.COLUMNS).as(error.messageKey()).contains(error.column());
			});
		}
	}

}
