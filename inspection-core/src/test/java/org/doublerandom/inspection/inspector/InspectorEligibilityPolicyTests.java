package org.doublerandom.inspection.inspector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InspectorEligibilityPolicyTests {

	static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

	static Inspector person(InspectorKind kind, InspectorStatus status) {
		return new Inspector(new InspectorDetails("演示·检查员", kind, null, "150600", status, null, false, null, null,
				Set.of()), 1L, Instant.EPOCH);
	}

	static Inspector officerWithCertificateUntil(LocalDate validUntil) {
		Inspector officer = person(InspectorKind.OFFICER, InspectorStatus.ACTIVE);
		officer.addCertificate(new NewCertificate("ZF-1", CertificateKind.ENFORCEMENT, "鄂尔多斯市司法局", validUntil),
				Instant.EPOCH);
		return officer;
	}

	@Test
	@DisplayName("only people in active service (在岗) are drawn")
	void activeStatus() {
		EligibilityQuestion question = EligibilityQuestion.on(TODAY);
		assertThat(InspectorEligibilityPolicy.activeStatus.refuse(person(InspectorKind.OFFICER,
				InspectorStatus.ACTIVE), question)).isEmpty();
		assertThat(InspectorEligibilityPolicy.activeStatus.refuse(person(InspectorKind.OFFICER,
				InspectorStatus.ON_LEAVE), question)).contains("inspector.refused.notActive");
		assertThat(InspectorEligibilityPolicy.activeStatus.refuse(person(InspectorKind.EXPERT, InspectorStatus.LEFT),
				question)).contains("inspector.refused.notActive");
	}

	@Test
	@DisplayName("an officer needs an enforcement certificate valid through the day of the check")
	void validEnforcementCertificate() {
		var rule = InspectorEligibilityPolicy.validEnforcementCertificate;
		EligibilityQuestion question = EligibilityQuestion.on(TODAY);
		assertThat(rule.refuse(officerWithCertificateUntil(TODAY), question)).as("last day included").isEmpty();
		assertThat(rule.refuse(officerWithCertificateUntil(TODAY.minusDays(1)), question))
			.contains("inspector.refused.certificateExpired");
		assertThat(rule.refuse(person(InspectorKind.OFFICER, InspectorStatus.ACTIVE), question))
			.contains("inspector.refused.certificateMissing");
	}

	@Test
	@DisplayName("a certificate that is not an enforcement certificate does not let an officer inspect")
	void otherCertificatesDoNotCount() {
		Inspector officer = person(InspectorKind.OFFICER, InspectorStatus.ACTIVE);
		officer.addCertificate(new NewCertificate("ZY-1", CertificateKind.PROFESSIONAL, "某检测院", TODAY.plusYears(1)),
				Instant.EPOCH);
		assertThat(InspectorEligibilityPolicy.validEnforcementCertificate.refuse(officer, EligibilityQuestion.on(TODAY)))
			.contains("inspector.refused.certificateMissing");
	}

	@Test
	@DisplayName("experts advise without enforcement power and need no enforcement certificate")
	void expertsAreExemptFromTheCertificateRule() {
		assertThat(InspectorEligibilityPolicy.validEnforcementCertificate
			.refuse(person(InspectorKind.EXPERT, InspectorStatus.ACTIVE), EligibilityQuestion.on(TODAY))).isEmpty();
		assertThat(InspectorKind.EXPERT.countsTowardMinimumOfficers()).isFalse();
		assertThat(InspectorKind.OFFICER.countsTowardMinimumOfficers()).isTrue();
	}

	@Test
	@DisplayName("the person may inspect every item of the check")
	void qualifiedForItems() {
		Inspector officer = officerWithCertificateUntil(TODAY);
		officer.addItem("SCJG-001", Instant.EPOCH);
		officer.addItem("SCJG-002", Instant.EPOCH);
		var rule = InspectorEligibilityPolicy.qualifiedForItems;
		assertThat(rule.refuse(officer, EligibilityQuestion.of(TODAY, List.of("SCJG-001", "SCJG-002"), null)))
			.isEmpty();
		assertThat(rule.refuse(officer, EligibilityQuestion.of(TODAY, List.of("SCJG-001", "SCJG-003"), null)))
			.contains("inspector.refused.notQualifiedForItems");
		assertThat(rule.refuse(officer, EligibilityQuestion.on(TODAY))).as("no items asked").isEmpty();
	}

	@Test
	@DisplayName("no declared conflict of interest (回避) with the target")
	void noConflictWithTarget() {
		Inspector officer = officerWithCertificateUntil(TODAY);
		officer.declareConflict(42L, "近亲属任职", TODAY, "scjg-manager", Instant.EPOCH);
		var rule = InspectorEligibilityPolicy.noConflictWithTarget;
		assertThat(rule.refuse(officer, EligibilityQuestion.of(TODAY, List.of(), 42L)))
			.contains("inspector.refused.conflict");
		assertThat(rule.refuse(officer, EligibilityQuestion.of(TODAY, List.of(), 43L))).isEmpty();
		assertThat(rule.refuse(officer, EligibilityQuestion.on(TODAY))).as("no target asked").isEmpty();
	}

	@Test
	@DisplayName("every reason of refusal is reported, in rule order")
	void allReasonsAreReported() {
		Inspector officer = officerWithCertificateUntil(TODAY.minusDays(1));
		officer.apply(new InspectorDetails("演示·检查员", InspectorKind.OFFICER, null, "150600",
				InspectorStatus.ON_LEAVE, null, false, null, null, Set.of()), Instant.EPOCH);
		officer.declareConflict(7L, "曾在该企业任职", TODAY, "scjg-manager", Instant.EPOCH);
		Eligibility eligibility = InspectorEligibilityPolicy.evaluate(officer,
				EligibilityQuestion.of(TODAY, List.of("SCJG-001"), 7L));
		assertThat(eligibility.isEligible()).isFalse();
		assertThat(eligibility.refusals()).containsExactly("inspector.refused.notActive",
				"inspector.refused.certificateExpired", "inspector.refused.notQualifiedForItems",
				"inspector.refused.conflict");
		assertThat(InspectorEligibilityPolicy.evaluate(officerWithCertificateUntil(TODAY), EligibilityQuestion.on(TODAY))
			.isEligible()).isTrue();
	}

}
