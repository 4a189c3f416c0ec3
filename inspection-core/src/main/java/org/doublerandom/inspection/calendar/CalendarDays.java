package org.doublerandom.inspection.calendar;

import java.time.LocalDate;
import java.util.List;

/** Port: the exceptions to the Monday-to-Friday week. */
public interface CalendarDays {

	List<CalendarDay> findByDayBetweenOrderByDayAsc(LocalDate from, LocalDate to);

}
