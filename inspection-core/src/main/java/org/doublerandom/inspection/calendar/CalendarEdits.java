package org.doublerandom.inspection.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: the administrator's changes to the calendar, and the listings the maintenance page shows. */
public interface CalendarEdits {

	List<CalendarYear> years();

	List<CalendarDay> days(int year);

	Optional<CalendarDay> day(LocalDate day);

	void addDay(CalendarDay day);

	void removeDay(LocalDate day);

	void addYear(CalendarYear year);

	/** Removes the year and its days. */
	void removeYear(int year);

}
