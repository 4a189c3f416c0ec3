package org.doublerandom.inspection.calendar;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A year whose official holiday notice (节假日安排的通知) has been entered into {@link CalendarDay}. */
@Entity
@Table(name = "calendar_year")
public class CalendarYear {

	@Id
	private Integer year;

	private String source;

	protected CalendarYear() {
	}

	public CalendarYear(Integer year, String source) {
		this.year = year;
		this.source = source;
	}

	public Integer getYear() {
		return this.year;
	}

	public String getSource() {
		return this.source;
	}

}
