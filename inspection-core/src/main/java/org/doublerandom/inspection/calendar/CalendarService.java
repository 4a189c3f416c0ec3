package org.doublerandom.inspection.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工作日历维护: the system administrator enters a year's State Council notice (the year with its source, then
 * its exception days) and corrects single days; every change is audited. Only exceptions are stored: a
 * weekday holiday (放假) or a weekend make-up working day (调休上班).
 */
@Service
@Transactional(readOnly = true)
public class CalendarService {

	private final CalendarEdits edits;

	private final CurrentActor actor;

	private final AuditTrail audit;

	public CalendarService(CalendarEdits edits, CurrentActor actor, AuditTrail audit) {
		this.edits = edits;
		this.actor = actor;
		this.audit = audit;
	}

	public List<CalendarYear> years() {
		admin("calendar.read");
		return this.edits.years();
	}

	public List<CalendarDay> days(int year) {
		admin("calendar.read");
		return this.edits.days(year);
	}

	/** A weekday becomes a holiday, or a weekend day a make-up working day; the year must be entered first. */
	@Transactional
	public void addDay(LocalDate day, String note) {
		admin("calendar.edit");
		if (day == null) {
			throw new DomainException("calendar.day.required", "day");
		}
		if (note == null || note.isBlank()) {
			throw new DomainException("calendar.note.required", "note");
		}
		if (note.strip().length() > 100) {
			throw new DomainException("calendar.note.tooLong", "note", 100);
		}
		if (this.edits.years().stream().noneMatch(y -> y.getYear() == day.getYear())) {
			throw new DomainException("calendar.day.yearMissing", "day", day.getYear());
		}
		if (this.edits.day(day).isPresent()) {
			throw new DomainException("calendar.day.exists", "day", day);
		}
		boolean working = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		this.edits.addDay(new CalendarDay(day, working, note.strip()));
		this.audit.success("calendar.day.add", "calendarDay", day, (working ? "make-up working day " : "holiday ")
				+ day + ": " + note.strip());
	}

	@Transactional
	public void removeDay(LocalDate day) {
		admin("calendar.edit");
		CalendarDay existing = this.edits.day(day).orElseThrow(() -> new NotFoundException("calendarDay", day));
		this.edits.removeDay(day);
		this.audit.success("calendar.day.remove", "calendarDay", day,
				(existing.isWorking() ? "make-up working day " : "holiday ") + day + " removed: " + existing.getNote());
	}

	@Transactional
	public void addYear(Integer year, String source) {
		admin("calendar.edit");
		if (year == null || year < 2000 || year > 2100) {
			throw new DomainException("calendar.year.range", "year", 2000, 2100);
		}
		if (source == null || source.isBlank()) {
			throw new DomainException("calendar.source.required", "source");
		}
		if (source.strip().length() > 300) {
			throw new DomainException("calendar.source.tooLong", "source", 300);
		}
		if (this.edits.years().stream().anyMatch(y -> y.getYear().equals(year))) {
			throw new DomainException("calendar.year.exists", "year", year);
		}
		this.edits.addYear(new CalendarYear(year, source.strip()));
		this.audit.success("calendar.year.add", "calendarYear", year, year + ": " + source.strip());
	}

	@Transactional
	public void removeYear(int year) {
		admin("calendar.edit");
		if (this.edits.years().stream().noneMatch(y -> y.getYear() == year)) {
			throw new NotFoundException("calendarYear", year);
		}
		int days = this.edits.days(year).size();
		this.edits.removeYear(year);
		this.audit.success("calendar.year.remove", "calendarYear", year, year + " removed with " + days + " days");
	}

	private void admin(String operation) {
		this.actor.get().require(operation, Role.SYS_ADMIN);
	}

}
