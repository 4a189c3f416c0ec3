package org.doublerandom.inspection.oversight;

import java.time.LocalDate;

import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentPeriodTests {

	@Test
	void aPeriodHasBothDaysInOrder() {
		assertThatThrownBy(() -> new AssessmentPeriod(null, LocalDate.of(2026, 1, 1)))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("from"));
		assertThatThrownBy(() -> new AssessmentPeriod(LocalDate.of(2026, 1, 1), null))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("to"));
		assertThatThrownBy(() -> new AssessmentPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 28)))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("oversight.assessment.to.beforeFrom"));
		assertThat(new AssessmentPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)).from())
			.isEqualTo(LocalDate.of(2026, 3, 1));
	}

	@Test
	void aPeriodIsAtMostAYear() {
		assertThat(AssessmentPeriod.year(2024).to()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThatThrownBy(() -> new AssessmentPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2)))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("oversight.assessment.tooLong"));
	}

}
