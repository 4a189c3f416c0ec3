package org.doublerandom.inspection.oversight.web;

import java.time.LocalDate;

import org.doublerandom.inspection.oversight.AssessmentPeriod;
import org.springframework.format.annotation.DateTimeFormat;

/** The department (the bureau chooses; a manager's own is used) and the period of an assessment. */
record AssessmentForm(Long department, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

	boolean isBlank() {
		return this.department == null && this.from == null && this.to == null;
	}

	AssessmentPeriod toPeriod() {
		return new AssessmentPeriod(this.from, this.to);
	}

}
