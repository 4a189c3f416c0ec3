package org.doublerandom.inspection.result;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.doublerandom.inspection.calendar.WorkingDays;

/**
 * 公示时限: a result is published "within 20 working days from the day of the inspection" (检查之日起20个工作日内,
 * plan 三(九)). By default the inspection day itself is not counted, as periods are counted in Chinese law
 * (《民法典》第二百零一条: 开始的当日不计入), so the deadline is the 20th working day after it; with
 * {@code startDayCounts} a working inspection day is day one. Both numbers are settings
 * ({@code inspection.results.deadline-working-days}, {@code inspection.results.deadline-counts-start-day}).
 */
public record PublicationDeadline(int workingDays, boolean startDayCounts) {

	public PublicationDeadline {
		if (workingDays < 1 || workingDays > 250) {
			throw new IllegalArgumentException("working days out of range: " + workingDays);
		}
	}

	public LocalDate from(LocalDate inspectionDate, WorkingDays calendar) {
		if (this.startDayCounts && calendar.isWorkingDay(inspectionDate)) {
			return calendar.plus(inspectionDate, this.workingDays - 1);
		}
		return calendar.plus(inspectionDate, this.workingDays);
	}

	/** The years between the inspection and the deadline the calendar has no holiday data for. */
	public List<Integer> missingYears(LocalDate inspectionDate, WorkingDays calendar) {
		LocalDate deadline = from(inspectionDate, calendar);
		return IntStream.rangeClosed(inspectionDate.getYear(), deadline.getYear())
			.filter(year -> !calendar.covers(year))
			.boxed()
			.toList();
	}

}
