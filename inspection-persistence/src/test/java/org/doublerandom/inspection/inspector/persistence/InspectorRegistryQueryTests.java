package org.doublerandom.inspection.inspector.persistence;

import java.time.LocalDate;
import java.util.List;

import org.doublerandom.inspection.inspector.CertificateFilter;
import org.doublerandom.inspection.inspector.CertificateKind;
import org.doublerandom.inspection.inspector.ConflictTargets;
import org.doublerandom.inspection.inspector.Inspector;
import org.doublerandom.inspection.inspector.InspectorKind;
import org.doublerandom.inspection.inspector.InspectorStatus;
import org.doublerandom.inspection.inspector.Inspectors;
import org.doublerandom.inspection.inspector.TargetReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry's search, its department scope and its constraints, on PostgreSQL with the real migrations. */
@DataJpaTest
class InspectorRegistryQueryTests {

	static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

	static final List<CertificateKind> ENFORCEMENT = List.of(CertificateKind.ENFORCEMENT);

	@Autowired
	Inspectors inspectors;

	@Autowired
	ConflictTargets targets;

	@Autowired
	JdbcTemplate jdbc;

	long scjg;

	long wsjk;

	long valid;

	long expired;

	long none;

	long expert;

	long onLeave;

	long other;

	@BeforeEach
	void aSmallRegistry() {
		this.scjg = department("SCJG");
		this.wsjk = department("WSJK");
		this.valid = inspector("测试·王持证", "OFFICER", this.scjg, "150600", "ACTIVE", "13812345678");
		certificate(this.valid, "ZF-VALID-001", "ENFORCEMENT", TODAY);
		certificate(this.valid, "ZF-OLD-000", "ENFORCEMENT", TODAY.minusYears(3));
		expertise(this.valid, "食品安全");
		this.expired = inspector("测试·李过期", "OFFICER", this.scjg, "150602", "ACTIVE", null);
		certificate(this.expired, "ZF-EXPIRED-002", "ENFORCEMENT", TODAY.minusDays(1));
		this.none = inspector("测试·赵无证", "OFFICER", this.scjg, "150600", "ACTIVE", null);
		certificate(this.none, "ZY-PRO-003", "PROFESSIONAL", TODAY.plusYears(1));
		this.expert = inspector("测试·钱专家", "EXPERT", this.scjg, "150600", "ACTIVE", null);
		expertise(this.expert, "特种设备");
		this.onLeave = inspector("测试·孙休假_50%", "OFFICER", this.scjg, "150600", "ON_LEAVE", null);
		this.other = inspector("测试·周卫健", "OFFICER", this.wsjk, "150600", "ACTIVE", null);
	}

	@Test
	void aDepartmentSearchNeverReturnsAnotherDepartmentsPeople() {
		assertThat(ids(search(this.scjg, "", null, null, "", "", ""))).containsExactlyInAnyOrder(this.valid,
				this.expired, this.none, this.expert, this.onLeave);
		assertThat(ids(search(null, "%测试·周%", null, null, "", "", ""))).containsExactly(this.other);
		assertThat(this.inspectors.findByIdAndDepartmentId(this.other, this.scjg)).isEmpty();
		assertThat(this.inspectors.findByIdAndDepartmentId(this.other, this.wsjk)).isPresent();
	}

	@Test
	void textMatchesTheNameOrACertificateNumberAndWildcardsAreLiteral() {
		assertThat(ids(search(this.scjg, "%过期%", null, null, "", "", ""))).containsExactly(this.expired);
		assertThat(ids(search(this.scjg, "%zf-valid%", null, null, "", "", ""))).containsExactly(this.valid);
		assertThat(ids(search(this.scjg, "%!_50!%%", null, null, "", "", ""))).containsExactly(this.onLeave);
		assertThat(ids(search(this.scjg, "%!%%", null, null, "", "", ""))).containsExactly(this.onLeave);
	}

	@Test
	void kindStatusRegionAndExpertiseNarrowTheList() {
		assertThat(ids(search(this.scjg, "", InspectorKind.EXPERT, null, "", "", ""))).containsExactly(this.expert);
		assertThat(ids(search(this.scjg, "", null, InspectorStatus.ON_LEAVE, "", "", "")))
			.containsExactly(this.onLeave);
		assertThat(ids(search(this.scjg, "", null, null, "150602", "", ""))).containsExactly(this.expired);
		assertThat(ids(search(this.scjg, "", null, null, "", "食品安全", ""))).containsExactly(this.valid);
	}

	@Test
	void theCertificateFilterSeparatesOfficersWithAValidEnforcementCertificateFromTheRest() {
		assertThat(ids(search(this.scjg, "", null, null, "", "", CertificateFilter.VALID.name())))
			.containsExactly(this.valid);
		assertThat(ids(search(this.scjg, "", null, null, "", "", CertificateFilter.EXPIRED.name())))
			.as("expired, only a professional certificate, none at all; experts are exempt")
			.containsExactlyInAnyOrder(this.expired, this.none, this.onLeave);
	}

	@Test
	void pagesAreSortedAndCounted() {
		Page<Inspector> first = this.inspectors.search(this.scjg, "", null, null, "", "", "", ENFORCEMENT, TODAY,
				PageRequest.of(0, 2, Sort.by(Sort.Direction.DESC, "name").and(Sort.by("id"))));
		assertThat(first.getTotalElements()).isEqualTo(5);
		assertThat(first.getTotalPages()).isEqualTo(3);
		List<String> names = first.getContent().stream().map(Inspector::getName).toList();
		assertThat(names).isSortedAccordingTo((a, b) -> b.compareTo(a)).hasSize(2);
	}

	@Test
	void anEntryLoadsWithItsCertificatesExpertiseItemsAndConflicts() {
		long target = target("91150600MA0N000001", "测试·某某商贸有限公司");
		this.jdbc.update("insert into inspector_item (inspector_id, item_code) values (?, 'SCJG-001')", this.valid);
		this.jdbc.update("""
				insert into inspector_conflict (inspector_id, target_id, reason, declared_on, declared_by)
				values (?, ?, '近亲属任职', current_date, 'scjg-manager')""", this.valid, target);
		Inspector loaded = this.inspectors.findById(this.valid).orElseThrow();
		assertThat(loaded.getCertificates()).extracting(c -> c.getNumber()).containsExactly("ZF-VALID-001", "ZF-OLD-000");
		assertThat(loaded.holdsValidEnforcementCertificate(TODAY)).isTrue();
		assertThat(loaded.getExpertise()).containsExactly("食品安全");
		assertThat(loaded.getItemCodes()).containsExactly("SCJG-001");
		assertThat(loaded.hasConflictWith(target)).isTrue();
		assertThat(loaded.getMaskedPhone()).isEqualTo("138****5678");
		assertThat(this.inspectors.existsByCertificatesNumber("ZF-OLD-000")).isTrue();
		assertThat(this.inspectors.findWithCertificatesByIdIn(List.of(this.valid, this.expired))).hasSize(2);
	}

	@Test
	void targetsAreFoundByCodeForDeclaringAConflict() {
		long target = target("91150600MA0N000002", "测试·某某餐饮有限公司");
		List<TargetReference> found = this.targets.findTargetsByCode("91150600MA0N000002");
		assertThat(found).singleElement().satisfies(t -> {
			assertThat(t.getId()).isEqualTo(target);
			assertThat(t.getName()).isEqualTo("测试·某某餐饮有限公司");
		});
		assertThat(this.targets.findTargetsByIdIn(List.of(target))).hasSize(1);
		assertThat(this.targets.findTargetsByCode("no-such-code")).isEmpty();
	}

	@Test
	void aCertificateNumberIsRecordedOnlyOnce() {
		assertThatThrownBy(() -> certificate(this.expired, "ZF-VALID-001", "ENFORCEMENT", TODAY))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void theDatabaseRefusesAPhoneThatIsNotAMobileNumber() {
		assertThatThrownBy(() -> inspector("测试·错号", "OFFICER", this.scjg, "150600", "ACTIVE", "0477-123"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void theDatabaseRefusesAConflictWithAnUnknownTarget() {
		assertThatThrownBy(() -> this.jdbc.update("""
				insert into inspector_conflict (inspector_id, target_id, reason, declared_on, declared_by)
				values (?, -1, '测试', current_date, 'x')""", this.valid))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private Page<Inspector> search(Long departmentId, String pattern, InspectorKind kind, InspectorStatus status,
			String region, String expertise, String certificate) {
		return this.inspectors.search(departmentId, pattern, kind, status, region, expertise, certificate, ENFORCEMENT,
				TODAY, PageRequest.of(0, 50, Sort.by("name").and(Sort.by("id"))));
	}

	private static List<Long> ids(Page<Inspector> page) {
		return page.getContent().stream().map(Inspector::getId).toList();
	}

	private long department(String code) {
		return this.jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

	private long inspector(String name, String kind, long departmentId, String region, String status, String phone) {
		return this.jdbc.queryForObject("""
				insert into inspector (name, kind, department_id, region_code, status, phone, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, now(), now()) returning id""", Long.class, name, kind, departmentId, region,
				status, phone);
	}

	private void certificate(long inspectorId, String number, String kind, LocalDate validUntil) {
		this.jdbc.update("""
				insert into inspector_certificate (inspector_id, number, kind, issuing_body, valid_until)
				values (?, ?, ?, '鄂尔多斯市司法局', ?)""", inspectorId, number, kind, validUntil);
	}

	private void expertise(long inspectorId, String tag) {
		this.jdbc.update("insert into inspector_expertise (inspector_id, tag) values (?, ?)", inspectorId, tag);
	}

	private long target(String uscc, String name) {
		return this.jdbc.queryForObject("""
				insert into target (kind, code_type, code, name, region_code, created_at, updated_at)
				values ('ENTERPRISE', 'USCC', ?, ?, '150600', now(), now()) returning id""", Long.class, uscc, name);
	}

}
