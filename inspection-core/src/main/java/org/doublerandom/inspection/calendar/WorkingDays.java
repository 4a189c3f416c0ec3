package org.doublerandom.inspection.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts working days (工作日): Monday to Friday, minus the official holidays, plus the weekend make-up days
 * (调休). A year without calendar data counts as plain Monday to Friday; {@link #missingYears()} tells the
 * UI to warn about it.
 */
@Service
@Transactional(readOnly = true)
public class WorkingDays {

	private final CalendarDays days;

	private final CalendarYears years;

	private final Clock clock;

	public WorkingDays(CalendarDays days, CalendarYears years, Clock clock) {
		this.days = days;
		this.years = years;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	public boolean isWorkingDay(LocalDate day) {
		return new Exceptions(day, day).isWorking(day);
	}

	/** The {@code count}-th working day after {@code from} ({@code from} itself is not counted). */
	public LocalDate plus(LocalDate from, int count) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative: " + count);
		}
		// two calendar days per working day plus the longest holiday leave ample room; widen if not
		Exceptions exceptions = new Exceptions(from, from.plusDays(count * 2L + 30));
		LocalDate day = from;
		int left = count;
		while (left > 0) {
			day = day.plusDays(1);
			if (day.isAfter(exceptions.to)) {
				exceptions = new Exceptions(day, day.plusDays(left * 2L + 30));
			}
			if (exceptions.isWorking(day)) {
				left--;
			}
		}
		return day;
	}

	/** Working days after {@code from} up to and including {@code to}; zero when {@code to} is not later. */
	public int between(LocalDate from, LocalDate to) {
		if (!to.isAfter(from)) {
			return 0;
		}
		Exceptions exceptions = new Exceptions(from, to);
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (exceptions.isWorking(day)) {
				count++;
			}
		}
		return count;
	}

	public boolean covers(int year) {
		return this.years.existsById(year);
	}

	/** This year and next, if the calendar has no data for them (deadlines then ignore the holidays). */
	public List<Integer> missingYears() {
		int year = today().getYear();
		return IntStream.of(year, year + 1).filter(y -> !covers(y)).boxed().toList();
	}

	/** The exceptions within one range of days, loaded once. */
	private final class Exceptions {

		private final LocalDate to;

		private final Map<LocalDate, Boolean> working = new HashMap<>();

		Exceptions(LocalDate from, LocalDate to) {
			this.to = to;
			WorkingDays.this.days.findByDayBetweenOrderByDayAsc(from, to)
				.forEach(day -> this.working.put(day.getDay(), day.isWorking()));
		}

		boolean isWorking(LocalDate day) {
			Boolean exception = this.working.get(day);
			if (exception != null) {
				return exception;
			}
			return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
		}

	}

}
