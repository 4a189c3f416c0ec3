package org.doublerandom.inspection.calendar;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One exception to the Monday-to-Friday week: a weekday holiday (放假) or a weekend make-up working day
 * (调休上班). Seeded by the migrations from the State Council notices; the system administrator adds and
 * removes days when a new notice is published ({@link CalendarService}).
 */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

	@Id
	private LocalDate day;

	private boolean working;

	private String note;

	protected CalendarDay() {
	}

	public CalendarDay(LocalDate day, boolean working, String note) {
		this.day = day;
		this.working = working;
		this.note = note;
	}

	public LocalDate getDay() {
		return this.day;
	}

	public boolean isWorking() {
		return this.working;
	}

	public String getNote() {
		return this.note;
	}

}
