package org.doublerandom.inspection.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskCodeFormatTests {

	@Test
	void aJointTaskOfTheBureauIsNumberedInTheCitysFormat() {
		TaskCodeFormat format = new TaskCodeFormat("鄂{abbr}{joint}抽〔{year}〕{seq}号", "SCJG=市监,WSJK=卫健");
		String series = format.series("SCJG", "市场监管局", true, 2026);
		assertThat(format.code(series, 2026, 3).code()).isEqualTo("鄂市监联抽〔2026〕3号");
		assertThat(format.code(format.series("WSJK", "卫健委", false, 2026), 2026, 1).code()).isEqualTo("鄂卫健抽〔2026〕1号");
		assertThat(format.series("GA", "公安局", false, 2026)).isEqualTo("鄂公安局抽〔2026〕{seq}号");
	}

	@Test
	void aPatternWithoutYearOrNumberIsRefusedAtStartup() {
		assertThatThrownBy(() -> new TaskCodeFormat("鄂{abbr}抽", "")).isInstanceOf(IllegalArgumentException.class);
	}

}
