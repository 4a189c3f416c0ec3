package org.doublerandom.inspection.calendar.persistence;

import org.doublerandom.inspection.calendar.CalendarYear;
import org.doublerandom.inspection.calendar.CalendarYears;
import org.springframework.data.repository.Repository;

interface JpaCalendarYears extends CalendarYears, Repository<CalendarYear, Integer> {

}
