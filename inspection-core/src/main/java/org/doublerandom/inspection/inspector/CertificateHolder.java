package org.doublerandom.inspection.inspector;

/** Who holds a certificate number: the person and their department (for the import's matching). */
public record CertificateHolder(String number, Long inspectorId, Long departmentId) {
}
