package org.doublerandom.inspection.result;

import java.time.LocalDate;

import org.doublerandom.inspection.shared.DomainException;

/**
 * After 不通过 the inspection is redone: the new record needs an inspection date after the rejected one (a 退回
 * only asks to correct the record, and keeps the date).
 */
public final class ReinspectionPolicy {

	private ReinspectionPolicy() {
	}

	public static void check(ResultState state, LocalDate rejectedDate, LocalDate newDate) {
		if (state == ResultState.REJECTED && rejectedDate != null && !newDate.isAfter(rejectedDate)) {
			throw new DomainException("result.rejected.newInspectionDate", "inspectionDate", rejectedDate);
		}
	}

}
