package org.doublerandom.inspection.inspector;

import java.time.LocalDate;

/** Command: record a certificate (执法证件) an inspector holds. */
public record NewCertificate(String number, CertificateKind kind, String issuingBody, LocalDate validUntil) {
}
