package org.doublerandom.inspection.calendar.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.doublerandom.inspection.calendar.CalendarDay;
import org.doublerandom.inspection.calendar.CalendarEdits;
import org.doublerandom.inspection.calendar.CalendarYear;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The maintenance page's reads and writes; the table's check keeps only true exceptions. */
@Repository
class JdbcCalendarEdits implements CalendarEdits {

	private final JdbcTemplate jdbc;

	JdbcCalendarEdits(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CalendarYear> years() {
		return this.jdbc.query("select year, source from calendar_year order by year",
				(rs, n) -> new CalendarYear(rs.getInt(1), rs.getString(2)));
	}

	@Override
	public List<CalendarDay> days(int year) {
		return this.jdbc.query("select day, working, note from calendar_day where day between ? and ? order by day",
				(rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)),
				LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	@Override
	public Optional<CalendarDay> day(LocalDate day) {
		return this.jdbc.query("select day, working, note from calendar_day where day = ?",
				(rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)), day)
			.stream()
			.findFirst();
	}

	@Override
	public void addDay(CalendarDay day) {
		this.jdbc.update("insert into calendar_day (day, working, note) values (?, ?, ?)", day.getDay(), day.isWorking(),
				day.getNote());
	}

	@Override
	public void removeDay(LocalDate day) {
		this.jdbc.update("delete from calendar_day where day = ?", day);
	}

	@Override
	public void addYear(CalendarYear year) {
		this.jdbc.update("insert into calendar_year (year, source) values (?, ?)", year.getYear(), year.getSource());
	}

	@Override
	public void removeYear(int year) {
		this.jdbc.update("delete from calendar_day where day between ? and ?", LocalDate.of(year, 1, 1),
				LocalDate.of(year, 12, 31));
		this.jdbc.update("delete from calendar_year where year = ?", year);
	}

}
