package org.doublerandom.inspection.result;

import java.time.LocalDate;

import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReinspectionPolicyTests {

	static final LocalDate FIRST = LocalDate.of(2024, 5, 6);

	@Test
	void afterNotPassedOnlyALaterInspectionDateIsAcceptedWhileAReturnKeepsTheDate() {
		assertThatThrownBy(() -> ReinspectionPolicy.check(ResultState.REJECTED, FIRST, FIRST))
			.isInstanceOf(DomainException.class)
			.hasMessage("result.rejected.newInspectionDate");
		assertThatCode(() -> ReinspectionPolicy.check(ResultState.REJECTED, FIRST, FIRST.plusDays(3))).doesNotThrowAnyException();
		assertThatCode(() -> ReinspectionPolicy.check(ResultState.RETURNED, FIRST, FIRST)).doesNotThrowAnyException();
	}

}
