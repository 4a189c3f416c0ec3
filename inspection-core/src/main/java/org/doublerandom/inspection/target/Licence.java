package org.doublerandom.inspection.target;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;

/** 许可证: one licence or permit of a target (专项库). */
@Embeddable
public record Licence(String name, String number, String issuingBody, LocalDate validFrom, LocalDate validUntil) {

	public boolean validOn(LocalDate day) {
		return (this.validFrom == null || !day.isBefore(this.validFrom))
				&& (this.validUntil == null || !day.isAfter(this.validUntil));
	}

}
