package org.doublerandom.inspection.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicListFilterTests {

	@Test
	void aBlankRegionIsNoFilterAndAYearSpansItsCalendarDays() {
		PublicListFilter filter = new PublicListFilter(null, 2026, "  ");
		assertThat(filter.regionCode()).isNull();
		assertThat(filter.isEmpty()).isFalse();
		assertThat(filter.yearStart()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(filter.yearEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(PublicListFilter.none().isEmpty()).isTrue();
		assertThat(PublicListFilter.none().yearStart()).isNull();
	}

	@Test
	void aYearOutsideTheRecordsOrARegionThatIsNoCodeIsRefusedAtItsField() {
		assertThatThrownBy(() -> new PublicListFilter(null, 1999, null)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).field())
			.isEqualTo("year");
		assertThatThrownBy(() -> new PublicListFilter(null, 2101, null)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> new PublicListFilter(null, null, "1506' or '1'='1"))
			.isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).field())
			.isEqualTo("region");
		assertThat(new PublicListFilter(7L, 2000, " 150602 ").regionCode()).isEqualTo("150602");
	}

}
