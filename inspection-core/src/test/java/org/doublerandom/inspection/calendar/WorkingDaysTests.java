package org.doublerandom.inspection.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Working days counted on the calendar data the migration seeds (State Council notices for 2025 and 2026). */
class WorkingDaysTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	final SeededCalendar seeded = new SeededCalendar();

	WorkingDays on(LocalDate today) {
		return new WorkingDays(this.seeded, this.seeded,
				Clock.fixed(today.atStartOfDay(BEIJING).toInstant(), BEIJING));
	}

	final WorkingDays workingDays = on(LocalDate.of(2026, 3, 2));

	@Test
	void theSeededDataHoldsOnlyExceptionsToMondayToFriday() {
		assertThat(this.seeded.all()).isNotEmpty().allSatisfy(day -> {
			boolean weekend = day.getDay().getDayOfWeek() == DayOfWeek.SATURDAY
					|| day.getDay().getDayOfWeek() == DayOfWeek.SUNDAY;
			assertThat(day.isWorking()).as(day.getDay().toString()).isEqualTo(weekend);
		});
	}

	@Test
	void theDayBeforeNationalDayPlusOneWorkingDaySkipsTheGoldenWeek() {
		// 2026: 10月1日至7日放假; 2025: 10月1日至8日 (with 中秋)
		assertThat(this.workingDays.plus(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(this.workingDays.plus(LocalDate.of(2025, 9, 30), 1)).isEqualTo(LocalDate.of(2025, 10, 9));
	}

	@Test
	void aWeekendMakeUpDayCountsAsAWorkingDay() {
		// 2026-09-20 is a Sunday worked for National Day (调休上班)
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
		assertThat(this.workingDays.plus(LocalDate.of(2026, 9, 18), 1)).isEqualTo(LocalDate.of(2026, 9, 20));
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2026, 9, 19))).isFalse();
	}

	@Test
	void plusZeroIsTheSameDayAndANegativeCountIsRefused() {
		assertThat(this.workingDays.plus(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> this.workingDays.plus(LocalDate.of(2026, 1, 1), -1));
	}

	@Test
	void tenWorkingDaysAcrossTheSpringFestivalTakeMoreThanThreeWeeks() {
		// 2026 春节: 2月15日至23日放假, 2月14日(周六)、2月28日(周六)上班
		LocalDate deadline = this.workingDays.plus(LocalDate.of(2026, 2, 10), 10);
		assertThat(deadline).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(this.workingDays.between(LocalDate.of(2026, 2, 10), deadline)).isEqualTo(10);
	}

	@Test
	void betweenCountsTheDaysAfterTheStartUpToAndIncludingTheEnd() {
		assertThat(this.workingDays.between(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9))).isEqualTo(5);
		assertThat(this.workingDays.between(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 2))).isZero();
		assertThat(this.workingDays.between(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 7))).isZero();
	}

	@Test
	void aYearWithoutDataFallsBackToMondayToFridayAndIsReportedMissing() {
		assertThat(this.workingDays.covers(2026)).isTrue();
		assertThat(this.workingDays.covers(2027)).isFalse();
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2027, 10, 1))).isTrue();
		assertThat(on(LocalDate.of(2025, 6, 1)).missingYears()).isEmpty();
		assertThat(on(LocalDate.of(2026, 6, 1)).missingYears()).containsExactly(2027);
		assertThat(on(LocalDate.of(2028, 1, 5)).missingYears()).containsExactly(2028, 2029);
	}

}
