package org.doublerandom.inspection.oversight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.doublerandom.inspection.shared.DomainException;

/**
 * 考核期间: the days [from, to] an assessment covers, both given, in order, at most a year long (a longer
 * report is two reports).
 */
public record AssessmentPeriod(LocalDate from, LocalDate to) {

	public static final int MAX_DAYS = 366;

	public AssessmentPeriod {
		if (from == null) {
			throw new DomainException("oversight.assessment.from.required", "from");
		}
		if (to == null) {
			throw new DomainException("oversight.assessment.to.required", "to");
		}
		if (to.isBefore(from)) {
			throw new DomainException("oversight.assessment.to.beforeFrom", "to");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
			throw new DomainException("oversight.assessment.tooLong", "to", MAX_DAYS);
		}
	}

	public static AssessmentPeriod year(int year) {
		return new AssessmentPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

}
