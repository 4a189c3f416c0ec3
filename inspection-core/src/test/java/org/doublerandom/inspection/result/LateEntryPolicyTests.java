package org.doublerandom.inspection.result;

import java.time.LocalDate;

import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LateEntryPolicyTests {

	static final LocalDate DEADLINE = LocalDate.of(2024, 3, 8);

	@Test
	void aLateSubmissionNeedsAReasonAndOnTimeNoneIsKept() {
		assertThat(LateEntryPolicy.reason(DEADLINE, DEADLINE, "不需要")).isNull();
		assertThatThrownBy(() -> LateEntryPolicy.reason(DEADLINE.plusDays(1), DEADLINE, " "))
			.isInstanceOf(DomainException.class)
			.hasMessage("result.late.reasonRequired");
		assertThat(LateEntryPolicy.reason(DEADLINE.plusDays(1), DEADLINE, " 系统故障补录 ")).isEqualTo("系统故障补录");
	}

}
