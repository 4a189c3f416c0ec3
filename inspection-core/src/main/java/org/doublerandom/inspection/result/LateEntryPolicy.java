package org.doublerandom.inspection.result;

import java.time.LocalDate;

import org.doublerandom.inspection.shared.DomainException;

/** 补录: a result submitted after its publication deadline says why; on time, no reason is kept. */
public final class LateEntryPolicy {

	private LateEntryPolicy() {
	}

	/** The reason to keep ({@code null} when on time); refuses a late submission without one. */
	public static String reason(LocalDate today, LocalDate deadline, String reason) {
		if (!today.isAfter(deadline)) {
			return null;
		}
		if (reason == null || reason.isBlank()) {
			throw new DomainException("result.late.reasonRequired", "lateReason", deadline);
		}
		if (reason.strip().length() > 500) {
			throw new DomainException("result.late.tooLong", "lateReason", 500);
		}
		return reason.strip();
	}

}
