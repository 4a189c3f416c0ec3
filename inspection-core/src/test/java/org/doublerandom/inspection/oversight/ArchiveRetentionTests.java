package org.doublerandom.inspection.oversight;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArchiveRetentionTests {

	@Test
	void aDossierStaysOnlineAtLeastSixMonths() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ArchiveRetention(Period.ofMonths(5)));
		assertThatIllegalArgumentException().isThrownBy(() -> new ArchiveRetention(Period.ofDays(150)));
		assertThatIllegalArgumentException().isThrownBy(() -> new ArchiveRetention(null));
		assertThat(new ArchiveRetention(Period.ofMonths(6)).online()).isEqualTo(Period.ofMonths(6));
		assertThat(new ArchiveRetention(Period.ofDays(200)).online()).isEqualTo(Period.ofDays(200));
	}

	@Test
	void theDossierIsKeptFromTheEndOfTheTasksScheduleOn() {
		assertThat(new ArchiveRetention(Period.ofYears(3)).retainUntil(LocalDate.of(2025, 12, 31)))
			.isEqualTo(LocalDate.of(2028, 12, 31));
	}

}
