package org.doublerandom.inspection.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar rows and covered years exactly as the migrations seed them (V6: 2025 and 2026, V14: 2024), read
 * from the SQL files, so the tests check the data that ships rather than a copy of it.
 */
public final class SeededCalendar implements CalendarDays, CalendarYears {

	static final List<Path> MIGRATIONS = List.of(
			Path.of("../db-migrations/src/main/resources/db/migration/V6__item_create_item_lists.sql"),
			Path.of("../db-migrations/src/main/resources/db/migration/V14__result_create_results.sql"));

	static final Pattern DAY = Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})', (true|false), '([^']*)'\\)");

	static final Pattern YEAR = Pattern.compile("\\((\\d{4}), '");

	private final List<CalendarDay> days = new ArrayList<>();

	private final Set<Integer> years = new TreeSet<>();

	public SeededCalendar() {
		for (Path migration : MIGRATIONS) {
			read(migration);
		}
	}

	private void read(Path migration) {
		try {
			String sql = Files.readString(migration);
			Matcher day = DAY.matcher(sql);
			while (day.find()) {
				this.days.add(new CalendarDay(LocalDate.parse(day.group(1)), Boolean.parseBoolean(day.group(2)),
						day.group(3)));
			}
			Matcher year = YEAR.matcher(sql.substring(sql.indexOf("insert into calendar_year")));
			while (year.find()) {
				this.years.add(Integer.valueOf(year.group(1)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<CalendarDay> all() {
		return List.copyOf(this.days);
	}

	@Override
	public List<CalendarDay> findByDayBetweenOrderByDayAsc(LocalDate from, LocalDate to) {
		return this.days.stream().filter(d -> !d.getDay().isBefore(from) && !d.getDay().isAfter(to)).toList();
	}

	@Override
	public boolean existsById(Integer year) {
		return this.years.contains(year);
	}

}
