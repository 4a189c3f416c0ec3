package org.doublerandom.inspection.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines (期限) on the shipped calendar: counting {@code n} working days forward lands on a working day, and
 * counting back between the two days gives {@code n} again, whatever the start day and the holidays between.
 */
class WorkingDaysFuzzTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final WorkingDays WORKING_DAYS = new WorkingDays(new SeededCalendar(), new SeededCalendar(),
			Clock.fixed(LocalDate.of(2026, 3, 2).atStartOfDay(BEIJING).toInstant(), BEIJING));

	@FuzzTest(maxDuration = "60s")
	void countingForwardAndBackAgree(FuzzedDataProvider data) {
		LocalDate from = LocalDate.of(2023, 1, 1).plusDays(data.consumeInt(0, 5 * 366));
		int count = data.consumeInt(0, 400);
		LocalDate deadline = WORKING_DAYS.plus(from, count);
		assertThat(WORKING_DAYS.between(from, deadline)).isEqualTo(count);
		if (count > 0) {
			assertThat(WORKING_DAYS.isWorkingDay(deadline)).as("%s + %d = %s", from, count, deadline).isTrue();
			assertThat(WORKING_DAYS.between(from, deadline.minusDays(1))).isEqualTo(count - 1);
		}
		else {
			assertThat(deadline).isEqualTo(from);
		}
	}

}
