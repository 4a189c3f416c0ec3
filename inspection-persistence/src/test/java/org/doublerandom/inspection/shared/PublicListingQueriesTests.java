package org.doublerandom.inspection.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import org.doublerandom.inspection.draw.DrawStore;
import org.doublerandom.inspection.plan.PublicPlanListing;
import org.doublerandom.inspection.result.PublicNoticeListing;
import org.doublerandom.inspection.result.PublishedResults;
import org.doublerandom.inspection.task.PublicTaskListing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public listings' filters on the real schema: department, year and banner/district each narrow plans, tasks,
 * draws and result notices as docs/open-data.md says, they combine, pages do not overlap, and drafts, undrawn
 * draws and unpublished results never appear.
 */
@DataJpaTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = ".*(JdbcPublicPlanListing|JdbcPublicTaskListing|JdbcDrawStore|JdbcPublicNoticeListing)"))
class PublicListingQueriesTests {

	static final String DONGSHENG = "150602";

	static final String KANGBASHI = "150603";

	static final String DALAD = "150621";

	@Autowired
	PublicPlanListing plans;

	@Autowired
	PublicTaskListing tasks;

	@Autowired
	DrawStore draws;

	@Autowired
	PublicNoticeListing notices;

	@Autowired
	JdbcTemplate jdbc;

	long scjg;

	long wsjk;

	long sthj;

	// 联合计划 2026 (SCJG with WSJK, 东胜区 and 康巴什区), 生态环境 2025 (city-wide, into 2026), a 卫健 draft (达拉特旗),
	// an amended 生态环境 2026 version (达拉特旗)
	long jointPlan;

	long sthjPlan;

	long draftPlan;

	long amendedPlan;

	long jointTask;

	long sthjTask;

	long amendedTask;

	long jointDraw;

	long sthjDraw;

	long undrawn;

	@BeforeEach
	void publishedAndUnpublishedThings() {
		this.scjg = department("SCJG");
		this.wsjk = department("WSJK");
		this.sthj = department("STHJ");
		this.jointPlan = plan("JOINT", 2026, this.scjg, "LIST-LH-2026", "PUBLISHED");
		long jointEntry = entry(this.jointPlan, this.scjg, "2026-04-01", "2026-06-30", DONGSHENG + "," + KANGBASHI,
				this.scjg, this.wsjk);
		this.sthjPlan = plan("DEPARTMENT", 2025, this.sthj, "LIST-STHJ-2025", "PUBLISHED");
		long sthjEntry = entry(this.sthjPlan, this.sthj, "2025-11-01", "2026-02-28", "", this.sthj);
		this.draftPlan = plan("DEPARTMENT", 2026, this.wsjk, "LIST-WSJK-2026", "DRAFT");
		entry(this.draftPlan, this.wsjk, "2026-03-01", "2026-05-31", DALAD, this.wsjk);
		this.amendedPlan = plan("DEPARTMENT", 2026, this.sthj, "LIST-STHJ-2026", "AMENDED");
		long amendedEntry = entry(this.amendedPlan, this.sthj, "2026-07-01", "2026-09-30", DALAD, this.sthj);

		this.jointTask = task(this.jointPlan, jointEntry, 2026, 901, "2026-04-01", "2026-06-30", this.scjg, this.wsjk);
		this.sthjTask = task(this.sthjPlan, sthjEntry, 2025, 902, "2025-11-01", "2026-02-28", this.sthj);
		this.amendedTask = task(this.amendedPlan, amendedEntry, 2026, 903, "2026-07-01", "2026-09-30", this.sthj);

		this.jointDraw = draw(this.jointTask, true, "2026-04-02T02:00:00Z");
		this.sthjDraw = draw(this.sthjTask, true, "2025-11-02T02:00:00Z");
		this.undrawn = draw(this.amendedTask, false, null);

		long inDongsheng = target("91150602MA0LXT0001", DONGSHENG);
		long inDalad = target("91150621MA0LXT0002", DALAD);
		result(this.jointTask, this.jointDraw, inDongsheng, this.scjg, "2026-05-10T02:00:00Z");
		result(this.jointTask, this.jointDraw, inDalad, this.wsjk, "2027-01-05T02:00:00Z");
		// not yet reviewed: it makes no notice match 达拉特旗
		result(this.jointTask, this.jointDraw, inDalad, this.scjg, null);
		// 2027-01-01 01:00 in Beijing: published in 2027
		result(this.sthjTask, this.sthjDraw, inDalad, this.sthj, "2026-12-31T17:00:00Z");
	}

	@Test
	void plansMatchByOwnerOrEntryDepartmentPlanYearAndScopeRegionAndNeverShowADraft() {
		Set<Long> mine = Set.of(this.jointPlan, this.sthjPlan, this.draftPlan, this.amendedPlan);
		BiFunction<PublicListFilter, Pageable, Page<Long>> find = this.plans::find;
		assertThat(ids(find, PublicListFilter.none(), mine)).containsExactlyInAnyOrder(this.jointPlan, this.sthjPlan,
				this.amendedPlan);
		// WSJK takes part in the joint entry; its own plan is a draft
		assertThat(ids(find, new PublicListFilter(this.wsjk, null, null), mine)).containsExactly(this.jointPlan);
		assertThat(ids(find, new PublicListFilter(this.sthj, null, null), mine))
			.containsExactlyInAnyOrder(this.sthjPlan, this.amendedPlan);
		assertThat(ids(find, new PublicListFilter(null, 2025, null), mine)).containsExactly(this.sthjPlan);
		// 达拉特旗: the city-wide plan covers it, the joint plan (东胜区, 康巴什区) does not
		assertThat(ids(find, new PublicListFilter(null, null, DALAD), mine))
			.containsExactlyInAnyOrder(this.sthjPlan, this.amendedPlan);
		assertThat(ids(find, new PublicListFilter(null, null, KANGBASHI), mine))
			.containsExactlyInAnyOrder(this.jointPlan, this.sthjPlan);
		assertThat(ids(find, new PublicListFilter(this.sthj, 2026, DALAD), mine)).containsExactly(this.amendedPlan);
		assertThat(ids(find, new PublicListFilter(this.scjg, null, DALAD), mine)).isEmpty();
		pagesDoNotOverlap(find, new PublicListFilter(this.sthj, null, null));
	}

	@Test
	void tasksMatchByLeadOrSubTaskDepartmentScheduleYearAndEntryScope() {
		Set<Long> mine = Set.of(this.jointTask, this.sthjTask, this.amendedTask);
		BiFunction<PublicListFilter, Pageable, Page<Long>> find = this.tasks::find;
		assertThat(ids(find, new PublicListFilter(this.wsjk, null, null), mine)).containsExactly(this.jointTask);
		assertThat(ids(find, new PublicListFilter(this.scjg, null, null), mine)).containsExactly(this.jointTask);
		// the 生态环境 task runs from November 2025 into February 2026: it belongs to both years
		assertThat(ids(find, new PublicListFilter(null, 2025, null), mine)).containsExactly(this.sthjTask);
		assertThat(ids(find, new PublicListFilter(null, 2026, null), mine))
			.containsExactlyInAnyOrder(this.jointTask, this.sthjTask, this.amendedTask);
		assertThat(ids(find, new PublicListFilter(null, 2027, null), mine)).isEmpty();
		assertThat(ids(find, new PublicListFilter(null, null, DONGSHENG), mine))
			.containsExactlyInAnyOrder(this.jointTask, this.sthjTask);
		assertThat(ids(find, new PublicListFilter(this.sthj, 2026, DALAD), mine))
			.containsExactlyInAnyOrder(this.sthjTask, this.amendedTask);
		assertThat(ids(find, new PublicListFilter(this.wsjk, 2025, null), mine)).isEmpty();
		pagesDoNotOverlap(find, new PublicListFilter(null, 2026, null));
	}

	@Test
	void drawsMatchAsTheirTaskDoesAndOnlyCommittedOnesAppear() {
		Set<Long> mine = Set.of(this.jointDraw, this.sthjDraw, this.undrawn);
		BiFunction<PublicListFilter, Pageable, Page<Long>> find = (f, p) -> this.draws.committed(f, p)
			.map(DrawStore.Stored::id);
		assertThat(ids(find, PublicListFilter.none(), mine)).containsExactly(this.jointDraw, this.sthjDraw);
		assertThat(ids(find, new PublicListFilter(this.wsjk, null, null), mine)).containsExactly(this.jointDraw);
		assertThat(ids(find, new PublicListFilter(null, 2025, null), mine)).containsExactly(this.sthjDraw);
		assertThat(ids(find, new PublicListFilter(null, null, DALAD), mine)).containsExactly(this.sthjDraw);
		assertThat(ids(find, new PublicListFilter(this.sthj, null, DALAD), mine)).containsExactly(this.sthjDraw);
		assertThat(ids(find, new PublicListFilter(this.scjg, 2025, null), mine)).isEmpty();
		pagesDoNotOverlap(find, PublicListFilter.none());
	}

	@Test
	void aNoticeMatchesItsDepartmentAndAnyPublishedRowsYearOrTargetRegion() {
		assertThat(notices(PublicListFilter.none())).containsExactlyInAnyOrder("J/SCJG/1", "J/WSJK/1", "S/STHJ/1");
		assertThat(notices(new PublicListFilter(this.scjg, null, null))).containsExactly("J/SCJG/1");
		// the unpublished SCJG result in 达拉特旗 counts for nothing
		assertThat(notices(new PublicListFilter(null, null, DALAD))).containsExactlyInAnyOrder("J/WSJK/1", "S/STHJ/1");
		assertThat(notices(new PublicListFilter(this.scjg, null, DALAD))).isEmpty();
		// publication year on the Beijing calendar
		assertThat(notices(new PublicListFilter(null, 2026, null))).containsExactly("J/SCJG/1");
		assertThat(notices(new PublicListFilter(null, 2027, null))).containsExactlyInAnyOrder("J/WSJK/1", "S/STHJ/1");
		assertThat(notices(new PublicListFilter(this.sthj, 2027, DALAD))).containsExactly("S/STHJ/1");
		assertThat(notices(new PublicListFilter(null, 2026, DALAD))).isEmpty();
		BiFunction<PublicListFilter, Pageable, Page<Long>> find = (f, p) -> this.notices.find(f, p)
			.map(n -> n.taskId() * 1000 + n.departmentId());
		pagesDoNotOverlap(find, PublicListFilter.none());
	}

	/** The fixture's notices that match, as task/department/count. */
	private List<String> notices(PublicListFilter filter) {
		List<String> found = new ArrayList<>();
		for (PublishedResults.Notice n : this.notices.find(filter, PageRequest.of(0, 1000))) {
			if (n.taskId() == this.jointTask || n.taskId() == this.sthjTask) {
				String task = (n.taskId() == this.jointTask) ? "J" : "S";
				String department = (n.departmentId() == this.scjg) ? "SCJG" : (n.departmentId() == this.wsjk) ? "WSJK" : "STHJ";
				found.add(task + "/" + department + "/" + n.count());
			}
		}
		return found;
	}

	/** The fixture's ids among all that match (the test database may hold others). */
	private static List<Long> ids(BiFunction<PublicListFilter, Pageable, Page<Long>> find, PublicListFilter filter,
			Set<Long> mine) {
		return find.apply(filter, PageRequest.of(0, 1000)).getContent().stream().filter(mine::contains).toList();
	}

	/** Page by page, one a page: every match once, the same as on one long page, and the total agrees. */
	private static void pagesDoNotOverlap(BiFunction<PublicListFilter, Pageable, Page<Long>> find,
			PublicListFilter filter) {
		List<Long> all = find.apply(filter, PageRequest.of(0, 1000)).getContent();
		assertThat(all).hasSizeGreaterThan(1);
		List<Long> paged = new ArrayList<>();
		for (int page = 0; page < all.size(); page++) {
			Page<Long> one = find.apply(filter, PageRequest.of(page, 1));
			assertThat(one.getTotalElements()).isEqualTo(all.size());
			paged.addAll(one.getContent());
		}
		assertThat(find.apply(filter, PageRequest.of(all.size(), 1)).getContent()).isEmpty();
		assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(all);
	}

	private long department(String code) {
		return this.jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

	private long plan(String type, int year, long owner, String code, String state) {
		boolean published = !state.equals("DRAFT");
		return this.jdbc.queryForObject("""
				insert into plan (type, plan_year, owner_department_id, code, name, version_no, previous_version_id,
				                  amendment_reason, state, created_at, created_by, published_at, published_by)
				values (?, ?, ?, ?, '计划', 1, null, null, ?, now(), 't', ?, ?) returning id""", Long.class, type, year,
				owner, code, state, published ? java.sql.Timestamp.valueOf("2026-01-15 10:00:00") : null,
				published ? "t" : null);
	}

	private long entry(long plan, long lead, String from, String to, String regions, Long... departments) {
		long entry = this.jdbc.queryForObject("""
				insert into plan_entry (plan_id, name, selection, level, period_from, period_to, lead_department_id,
				                        methods, scope_regions, rounding)
				values (?, '检查项目', 'UNDIRECTED', 'CITY_CITY', ?::date, ?::date, ?, 'ON_SITE', ?, 'CEILING')
				returning id""", Long.class, plan, from, to, lead, regions);
		for (Long d : departments) {
			this.jdbc.update("insert into plan_entry_department (plan_entry_id, department_id, officers_per_target) "
					+ "values (?, ?, 1)", entry, d);
		}
		return entry;
	}

	private long task(long plan, long entry, int year, int sequence, String from, String to, long lead,
			Long... partners) {
		long task = this.jdbc.queryForObject("""
				insert into task (code, series, task_year, sequence_no, plan_id, plan_entry_id, joint, lead_department_id,
				                  name, basis, region, targets, content, schedule_from, schedule_to, state, created_at,
				                  created_by, state_changed_at)
				values (?, 'LIST〔{year}〕{seq}号', ?, ?, ?, ?, false, ?, '任务', '依据', '全市', '对象', '内容', ?::date,
				        ?::date, 'CREATED', now(), 't', now()) returning id""", Long.class, "LIST-" + sequence, year,
				sequence, plan, entry, lead, from, to);
		this.jdbc.update("insert into task_department (task_id, department_id, lead, officers_per_target, items) "
				+ "values (?, ?, true, 1, '')", task, lead);
		for (Long d : partners) {
			this.jdbc.update("insert into task_department (task_id, department_id, lead, officers_per_target, items) "
					+ "values (?, ?, false, 1, '')", task, d);
		}
		return task;
	}

	private long draw(long task, boolean committed, String at) {
		if (!committed) {
			return this.jdbc.queryForObject("""
					insert into draw (task_id, attributes, prechecked_at, prechecked_by)
					values (?, 'region', now(), 't') returning id""", Long.class, task);
		}
		return this.jdbc.queryForObject("""
				insert into draw (task_id, attributes, prechecked_at, prechecked_by, frozen_at, frozen_by, plan_json,
				                  plan_hash, committed_at, committed_by)
				values (?, 'region', ?::timestamptz, 't', ?::timestamptz, 't', '{}'::bytea, repeat('a', 64),
				        ?::timestamptz, 't') returning id""", Long.class, task, at, at, at);
	}

	private long target(String code, String region) {
		return this.jdbc.queryForObject("""
				insert into target (kind, code_type, code, name, region_code, created_at, updated_at)
				values ('ENTERPRISE', 'USCC', ?, '列表测试公司', ?, now(), now()) returning id""", Long.class, code, region);
	}

	private void result(long task, long draw, long target, long department, String publishedAt) {
		this.jdbc.update("""
				insert into inspection_result (task_id, draw_id, target_id, department_id, state, inspection_date,
				                               category_code, team, deadline, entered_by, entered_at, published_at)
				values (?, ?, ?, ?, ?, date '2026-05-01', 'NO_PROBLEM', '张三', date '2026-06-01', 't', now(),
				        ?::timestamptz)""", task, draw, target, department, (publishedAt != null) ? "PUBLISHED" : "PENDING_REVIEW",
				publishedAt);
	}

}
