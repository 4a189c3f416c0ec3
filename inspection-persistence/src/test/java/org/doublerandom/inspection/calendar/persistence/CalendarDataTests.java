package org.doublerandom.inspection.calendar.persistence;

import java.time.LocalDate;

import org.doublerandom.inspection.calendar.CalendarDays;
import org.doublerandom.inspection.calendar.CalendarYears;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seeded holiday calendar as the database holds it. */
@DataJpaTest
class CalendarDataTests {

	@Autowired
	CalendarDays days;

	@Autowired
	CalendarYears years;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void midAutumnNationalDayAndTheirMakeUpDaysAreSeededFor2026() {
		assertThat(this.days.findByDayBetweenOrderByDayAsc(LocalDate.of(2026, 9, 19), LocalDate.of(2026, 10, 11)))
			.extracting(d -> d.getDay().toString() + "=" + d.isWorking())
			.containsExactly("2026-09-20=true", "2026-09-25=false", "2026-10-01=false", "2026-10-02=false", "2026-10-05=false",
					"2026-10-06=false", "2026-10-07=false", "2026-10-10=true");
		assertThat(this.years.existsById(2025)).isTrue();
		assertThat(this.years.existsById(2026)).isTrue();
		assertThat(this.years.existsById(2027)).isFalse();
	}

	@Test
	void theDatabaseRefusesARowThatIsNoException() {
		// a Saturday marked as a day off is already a day off
		assertThatThrownBy(() -> this.jdbc.update(
				"insert into calendar_day (day, working, note) values (date '2027-01-02', false, '周六')"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

}
