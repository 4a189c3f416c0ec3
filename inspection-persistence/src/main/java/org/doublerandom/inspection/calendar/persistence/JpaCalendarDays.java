package org.doublerandom.inspection.calendar.persistence;

import java.time.LocalDate;

import org.doublerandom.inspection.calendar.CalendarDay;
import org.doublerandom.inspection.calendar.CalendarDays;
import org.springframework.data.repository.Repository;

interface JpaCalendarDays extends CalendarDays, Repository<CalendarDay, LocalDate> {

}
