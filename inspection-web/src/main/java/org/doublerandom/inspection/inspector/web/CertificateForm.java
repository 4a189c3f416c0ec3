package org.doublerandom.inspection.inspector.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.doublerandom.inspection.inspector.CertificateKind;
import org.doublerandom.inspection.inspector.NewCertificate;
import org.springframework.format.annotation.DateTimeFormat;

record CertificateForm(@NotBlank @Size(max = 64) String number, @NotNull CertificateKind kind,
		@NotBlank @Size(max = 100) String issuingBody,
		@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {

	static CertificateForm empty() {
		return new CertificateForm("", CertificateKind.ENFORCEMENT, "", null);
	}

	NewCertificate toCommand() {
		return new NewCertificate(this.number, this.kind, this.issuingBody, this.validUntil);
	}

}
