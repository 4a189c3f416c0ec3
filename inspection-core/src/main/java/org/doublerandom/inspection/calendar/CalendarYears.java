package org.doublerandom.inspection.calendar;

/** Port: the years the calendar data covers. */
public interface CalendarYears {

	boolean existsById(Integer year);

}
