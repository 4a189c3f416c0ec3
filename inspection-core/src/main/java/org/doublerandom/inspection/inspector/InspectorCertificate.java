package org.doublerandom.inspection.inspector;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** 执法证件: a certificate an inspector holds, valid through {@code validUntil} (有效期至). */
@Entity
@Table(name = "inspector_certificate")
public class InspectorCertificate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "inspector_id")
	private Inspector inspector;

	private String number;

	@Enumerated(EnumType.STRING)
	private CertificateKind kind;

	private String issuingBody;

	private LocalDate validUntil;

	protected InspectorCertificate() {
	}

	InspectorCertificate(Inspector inspector, String number, CertificateKind kind, String issuingBody,
			LocalDate validUntil) {
		this.inspector = Objects.requireNonNull(inspector);
		this.number = Objects.requireNonNull(number);
		this.kind = Objects.requireNonNull(kind);
		this.issuingBody = Objects.requireNonNull(issuingBody);
		this.validUntil = Objects.requireNonNull(validUntil);
	}

	/** Whether anything changed. */
	boolean revise(CertificateKind kind, String issuingBody, LocalDate validUntil) {
		boolean changed = this.kind != kind || !this.issuingBody.equals(issuingBody)
				|| !this.validUntil.equals(validUntil);
		this.kind = Objects.requireNonNull(kind);
		this.issuingBody = Objects.requireNonNull(issuingBody);
		this.validUntil = Objects.requireNonNull(validUntil);
		return changed;
	}

	/** Valid through the last day printed on it. */
	public boolean isValidOn(LocalDate day) {
		return !day.isAfter(this.validUntil);
	}

	public Long getId() {
		return this.id;
	}

	public String getNumber() {
		return this.number;
	}

	public CertificateKind getKind() {
		return this.kind;
	}

	public String getIssuingBody() {
		return this.issuingBody;
	}

	public LocalDate getValidUntil() {
		return this.validUntil;
	}

}
