package org.doublerandom.inspection.target.web;

import java.time.LocalDate;

import org.doublerandom.inspection.target.Licence;
import org.springframework.format.annotation.DateTimeFormat;

record LicenceForm(String licenceName, String licenceNumber, String issuingBody,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {

	static LicenceForm empty() {
		return new LicenceForm("", "", "", null, null);
	}

	Licence toLicence() {
		return new Licence(this.licenceName, this.licenceNumber, this.issuingBody, this.validFrom, this.validUntil);
	}

}
