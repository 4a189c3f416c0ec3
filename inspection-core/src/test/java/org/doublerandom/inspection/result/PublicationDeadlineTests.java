package org.doublerandom.inspection.result;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.doublerandom.inspection.calendar.SeededCalendar;
import org.doublerandom.inspection.calendar.WorkingDays;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 检查之日起20个工作日内, counted on the calendar the migrations ship (2024 to 2026). */
class PublicationDeadlineTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	final SeededCalendar seeded = new SeededCalendar();

	final WorkingDays calendar = new WorkingDays(this.seeded, this.seeded,
			Clock.fixed(LocalDate.of(2024, 3, 1).atStartOfDay(BEIJING).toInstant(), BEIJING));

	final PublicationDeadline twenty = new PublicationDeadline(20, false);

	@Test
	void acrossTheSpringFestivalTheHolidayIsSkippedAndTheSundayMakeUpDayCounts() {
		// 2024 春节: 2月10日至17日放假, 2月4日(周日)、2月18日(周日)上班; 20 working days after Monday 5 February
		// are 6–9 Feb (4), Sunday 18 Feb (5), 19–23 Feb (10), 26 Feb–1 Mar (15), 4–8 Mar (20)
		assertThat(this.twenty.from(LocalDate.of(2024, 2, 5), this.calendar)).isEqualTo(LocalDate.of(2024, 3, 8));
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2024, 2, 18))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2024, 2, 14))).isFalse();
	}

	@Test
	void acrossNationalDayBothMakeUpDaysCount() {
		// 2024 国庆: 10月1日至7日放假, 9月29日(周日)、10月12日(周六)上班. Plain Monday to Friday would give 25 October
		assertThat(this.twenty.from(LocalDate.of(2024, 9, 20), this.calendar)).isEqualTo(LocalDate.of(2024, 10, 23));
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2024, 9, 29))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2024, 10, 7))).isFalse();
	}

	@Test
	void theSpringFestivalOf2026TakesItsOwnMakeUpDays() {
		// 2026 春节: 2月15日至23日放假, 2月14日(周六)、2月28日(周六)上班
		assertThat(this.twenty.from(LocalDate.of(2026, 2, 10), this.calendar)).isEqualTo(LocalDate.of(2026, 3, 16));
	}

	@Test
	void countingTheInspectionDayItselfMovesTheDeadlineOneWorkingDayEarlier() {
		PublicationDeadline inclusive = new PublicationDeadline(20, true);
		assertThat(inclusive.from(LocalDate.of(2024, 2, 5), this.calendar)).isEqualTo(LocalDate.of(2024, 3, 7));
		// an inspection on a holiday is not day one: the count starts on the next working day either way
		assertThat(inclusive.from(LocalDate.of(2024, 10, 3), this.calendar))
			.isEqualTo(this.twenty.from(LocalDate.of(2024, 10, 3), this.calendar));
	}

	@Test
	void aDeadlineReachingIntoAYearWithoutCalendarDataIsReported() {
		assertThat(this.twenty.missingYears(LocalDate.of(2026, 12, 10), this.calendar)).containsExactly(2027);
		assertThat(this.twenty.missingYears(LocalDate.of(2024, 12, 10), this.calendar)).isEmpty();
	}

}
