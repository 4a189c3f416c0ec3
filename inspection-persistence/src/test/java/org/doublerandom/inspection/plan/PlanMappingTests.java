package org.doublerandom.inspection.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.target.TargetStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plans on the real schema: an entry's scope, sampling, departments and items round-trip; the data-scope
 * queries hide other departments' drafts; one version of a plan is worked on at a time; the scope count
 * groups the registry by credit class with every filter and the exclusion rule.
 */
@DataJpaTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*(JdbcScopeCounts|JdbcPublicPlanListing)"))
class PlanMappingTests {

	static final Instant T0 = Instant.parse("2026-01-10T01:00:00Z");

	@Autowired
	Plans plans;

	@Autowired
	ScopeCounts counts;

	@Autowired
	PublicPlanListing publicListing;

	@Autowired
	TestEntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	Long scjg;

	Long wsjk;

	@BeforeEach
	void departments() {
		this.scjg = this.jdbc.queryForObject("select id from department where code = 'SCJG'", Long.class);
		this.wsjk = this.jdbc.queryForObject("select id from department where code = 'WSJK'", Long.class);
	}

	EntryDetails details(Long lead, Long partner) {
		TargetScope scope = new TargetScope(Set.of(TargetKind.ENTERPRISE), Set.of("150602"), Set.of("H", "52"),
				Set.of(CreditBand.C, CreditBand.NONE), Set.of(TargetStatus.ACTIVE), Set.of("餐饮"), Set.of(), false);
		return new EntryDetails("餐饮单位联合检查", Selection.UNDIRECTED, ImplementationLevel.CITY_COUNTY,
				LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), lead, Map.of(lead, 2, partner, 1),
				List.of(lead + ":D:A-1", partner + ":D:B-1"), EnumSet.of(InspectionMethod.ON_SITE), scope, 12,
				Map.of(CreditBand.C, Sampling.rate(500), CreditBand.NONE, Sampling.count(3)), RoundingRule.CEILING, null);
	}

	Plan plan(Long owner, PlanType type, String code) {
		Plan plan = new Plan(type, 2026, owner, code, "2026年度抽查计划", "tester", T0);
		plan.addEntry(details(owner, owner.equals(this.scjg) ? this.wsjk : this.scjg),
				List.of(new EntryItem(this.scjg, false, "A-1", "甲"), new EntryItem(this.wsjk, false, "B-1", "乙")));
		Plan saved = this.plans.save(plan);
		this.plans.flush();
		return saved;
	}

	@Test
	void anEntryWithScopeSamplingDepartmentsAndItemsRoundTrips() {
		Long id = plan(this.scjg, PlanType.JOINT, "LH-2026-01").getId();
		this.entityManager.clear();
		Plan loaded = this.plans.findById(id).orElseThrow();
		PlanEntry entry = loaded.getEntries().get(0);
		assertThat(entry.scope()).isEqualTo(details(this.scjg, this.wsjk).scope());
		assertThat(entry.samplingRules()).containsEntry(CreditBand.C, Sampling.rate(500))
			.containsEntry(CreditBand.NONE, Sampling.count(3));
		assertThat(entry.getDepartments()).extracting(EntryDepartment::getDepartmentId).containsExactly(this.scjg, this.wsjk);
		assertThat(entry.totalOfficersPerTarget()).isEqualTo(3);
		assertThat(entry.getItems()).extracting(EntryItem::key).containsExactlyInAnyOrder(this.scjg + ":D:A-1",
				this.wsjk + ":D:B-1");
		assertThat(entry.getMethods()).containsExactly(InspectionMethod.ON_SITE);
		assertThat(entry.getExcludeWithinMonths()).isEqualTo(12);
	}

	@Test
	void aDepartmentReadsItsOwnDraftsAndOthersPublishedPlansOnly() {
		Plan draft = plan(this.scjg, PlanType.DEPARTMENT, "SCJG-2026-01");
		Plan other = plan(this.wsjk, PlanType.DEPARTMENT, "WSJK-2026-01");
		assertThat(this.plans.findReadable(draft.getId(), this.scjg)).isPresent();
		assertThat(this.plans.findReadable(other.getId(), this.scjg)).isEmpty();
		assertThat(this.plans.search(2026, null, null, this.scjg, PageRequest.of(0, 20)).getContent())
			.extracting(Plan::getCode).contains("SCJG-2026-01").doesNotContain("WSJK-2026-01");
		assertThat(this.plans.findPublicById(other.getId())).isEmpty();

		other.submit(T0);
		other.approve("m", T0);
		other.publish("m", T0);
		this.plans.flush();
		assertThat(this.plans.findReadable(other.getId(), this.scjg)).isPresent();
		assertThat(this.plans.findPublicById(other.getId())).isPresent();
		var publicIds = this.publicListing
			.find(new org.doublerandom.inspection.shared.PublicListFilter(null, 2026, null), PageRequest.of(0, 20))
			.getContent();
		assertThat(this.plans.findByIdIn(publicIds)).extracting(Plan::getCode)
			.contains("WSJK-2026-01").doesNotContain("SCJG-2026-01");
	}

	@Test
	void onlyOneVersionOfAPlanIsWorkedOnAtATime() {
		Plan published = plan(this.scjg, PlanType.DEPARTMENT, "SCJG-2026-09");
		published.submit(T0);
		published.approve("m", T0);
		published.publish("m", T0);
		this.plans.flush();
		this.plans.save(published.startAmendment("法规调整", "tester", T0));
		this.plans.flush();
		assertThatThrownBy(() -> {
			this.plans.save(published.startAmendment("再次调整", "tester", T0));
			this.plans.flush();
		}).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void theScopeCountGroupsTheRegistryByCreditClassWithEveryFilterAndTheExclusion() {
		long a = target("91150602MA0000001X", "150602", "H", "62", "C", false);
		long b = target("91150602MA0000002X", "150602", "H", "62", null, false);
		long c = target("91150602MA0000003X", "150602", "F", "52", "C", true);
		target("91150603MA0000004X", "150603", "H", "62", "C", false);
		target("91150602MA0000005X", "150602", "H", "62", "A", false);
		for (long id : new long[] { a, b, c }) {
			this.jdbc.update("insert into target_tag (target_id, tag) values (?, '餐饮')", id);
		}
		TargetScope scope = details(this.scjg, this.wsjk).scope();
		assertThat(this.counts.countByBand(scope, ScopeCounts.Exclusion.NONE)).containsEntry(CreditBand.C, 2L)
			.containsEntry(CreditBand.NONE, 1L)
			.containsEntry(CreditBand.A, 0L);

		this.jdbc.update("""
				insert into target_item_inspection (target_id, department_id, item_code, last_inspected_on)
				values (?, ?, 'A-1', date '2026-01-05')""", a, this.scjg);
		ScopeCounts.Exclusion recent = new ScopeCounts.Exclusion(LocalDate.of(2025, 1, 10), Set.of(this.scjg + ":A-1"));
		assertThat(this.counts.countByBand(scope, recent)).containsEntry(CreditBand.C, 1L);
		ScopeCounts.Exclusion otherItem = new ScopeCounts.Exclusion(LocalDate.of(2025, 1, 10), Set.of(this.scjg + ":Z-9"));
		assertThat(this.counts.countByBand(scope, otherItem)).containsEntry(CreditBand.C, 2L);

		this.jdbc.update("insert into target_licence (target_id, name, number, issuing_body) values (?, '食品经营许可证', 'JY1', '市市场监管局')", b);
		TargetScope licensed = new TargetScope(null, null, null, null, null, Set.of("餐饮"), Set.of("食品经营许可证"), false);
		assertThat(this.counts.countByBand(licensed, ScopeCounts.Exclusion.NONE)).containsEntry(CreditBand.NONE, 1L)
			.containsEntry(CreditBand.C, 0L);

		TargetScope city = new TargetScope(null, Set.of("150600"), null, null, null, null, null, true);
		assertThat(this.counts.countByBand(city, ScopeCounts.Exclusion.NONE)).containsEntry(CreditBand.C, 1L);
	}

	long target(String code, String region, String section, String division, String credit, boolean key) {
		return this.jdbc.queryForObject("""
				insert into target (kind, code_type, code, name, region_code, industry_section_code,
				  industry_division_code, credit_class, credit_class_on, key_supervision, created_at, updated_at)
				values ('ENTERPRISE', 'USCC', ?, '测试餐馆', ?, ?, ?, ?, case when ?::varchar is null then null else date '2025-12-31' end,
				  ?, now(), now()) returning id""", Long.class, code, region, section, division, credit, credit, key);
	}

}
