package org.doublerandom.inspection.calendar.persistence;

import java.time.LocalDate;

import org.doublerandom.inspection.calendar.CalendarDay;
import org.doublerandom.inspection.calendar.CalendarEdits;
import org.doublerandom.inspection.calendar.CalendarYear;
import org.doublerandom.inspection.calendar.CalendarYears;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The administrator's calendar edits on the real table: 2024 seeded by V14, only exceptions accepted, a year removed with its days. */
@DataJpaTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*JdbcCalendarEdits"))
class CalendarEditsTests {

	@Autowired
	CalendarEdits edits;

	@Autowired
	CalendarYears years;

	@Test
	void the2024ScheduleIsSeededWithItsMakeUpDays() {
		assertThat(this.years.existsById(2024)).isTrue();
		assertThat(this.edits.days(2024)).hasSize(27)
			.filteredOn(CalendarDay::isWorking)
			.extracting(d -> d.getDay().toString())
			.containsExactly("2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
					"2024-09-29", "2024-10-12");
	}

	@Test
	void aYearIsRemovedWithItsDaysAndAWeekendHolidayIsRefused() {
		this.edits.addYear(new CalendarYear(2098, "测试通知"));
		this.edits.addDay(new CalendarDay(LocalDate.of(2098, 10, 1), false, "国庆节放假"));
		assertThat(this.edits.day(LocalDate.of(2098, 10, 1))).isPresent();
		this.edits.removeYear(2098);
		assertThat(this.years.existsById(2098)).isFalse();
		assertThat(this.edits.days(2098)).isEmpty();
		// 2098-10-04 is a Saturday: as a day off it is no exception (last: the refusal aborts the transaction)
		assertThatThrownBy(() -> this.edits.addDay(new CalendarDay(LocalDate.of(2098, 10, 4), false, "周六")))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

}
