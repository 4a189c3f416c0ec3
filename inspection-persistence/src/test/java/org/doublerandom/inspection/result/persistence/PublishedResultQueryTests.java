package org.doublerandom.inspection.result.persistence;

import java.util.ArrayList;
import java.util.List;

import org.doublerandom.inspection.result.ItemOutcome;
import org.doublerandom.inspection.result.OpenResults;
import org.doublerandom.inspection.result.PublishedResults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public reads of published results on PostgreSQL with the real migrations, on a table large enough
 * (75,000 results) for the planner to choose as it would with a million: a notice's page and one row's 序号
 * are ranges of the V22 indexes, never a sort of the notice; only published results are ever read.
 */
@DataJpaTest
@Import({ JdbcPublishedResults.class, JdbcOpenResults.class })
class PublishedResultQueryTests {

	/** Targets, and published results in the big notice. */
	static final int N = 30_000;

	@Autowired
	PublishedResults published;

	@Autowired
	OpenResults open;

	@Autowired
	JdbcTemplate jdbc;

	long scjg;

	long wsjk;

	long big;

	long mixed;

	@BeforeEach
	void aLargeTableOfResults() {
		this.scjg = this.jdbc.queryForObject("select id from department where code = 'SCJG'", Long.class);
		this.wsjk = this.jdbc.queryForObject("select id from department where code = 'WSJK'", Long.class);
		this.jdbc.update("""
				insert into target (kind, code_type, code, name, region_code, created_at, updated_at)
				select case when g % 1000 = 7 then 'SPECIFIC_PERSON' else 'ENTERPRISE' end,
				       case when g % 1000 = 7 then 'OTHER' else 'USCC' end,
				       '9115060099' || lpad(g::text, 8, '0'), '测试·主体' || g, '150600', now(), now()
				from generate_series(1, ?) g""", N);
		this.big = task("JG-Q-01", "DIRECTED", 1);
		this.mixed = task("JG-Q-02", "UNDIRECTED", 2);
		// the big notice: every target, published one second apart in 2026, in reverse of the target order
		results(this.big, this.scjg, "'PUBLISHED'",
				"timestamptz '2026-03-01 08:00:00+08' + make_interval(secs => %d - t.g)".formatted(N), N);
		// the mixed task: half published (odd targets) in 2025, half waiting for review; and WSJK's published
		results(this.mixed, this.scjg, "case when t.g % 2 = 1 then 'PUBLISHED' else 'PENDING_REVIEW' end",
				"case when t.g % 2 = 1 then timestamptz '2025-06-01 08:00:00+08' + make_interval(secs => t.g) end", N);
		results(this.mixed, this.wsjk, "case when t.g <= 20 then 'PUBLISHED' else 'NOT_ENTERED' end",
				"case when t.g <= 20 then timestamptz '2026-07-01 08:00:00+08' + make_interval(secs => t.g) end", 40);
		this.jdbc.update("""
				insert into inspection_result_item (result_id, position, item_code, item_name, checked, problems)
				select r.id, p, 'SCJG-00' || p, '事项' || p, p <> 2, case when p = 1 and r.id % 3 = 0 then '发现的问题（不公开）' end
				from inspection_result r, generate_series(0, 2) p where r.task_id = ?""", this.mixed);
		this.jdbc.execute("analyze target");
		this.jdbc.execute("analyze inspection_result");
		this.jdbc.execute("analyze inspection_result_item");
	}

	long task(String planCode, String selection, int sequence) {
		Long plan = this.jdbc.queryForObject("""
				insert into plan (type, plan_year, owner_department_id, code, name, version_no, state, created_at, created_by,
				                  published_at, published_by)
				values ('JOINT', 2026, ?, ?, '测试计划', 1, 'PUBLISHED', now(), 't', now(), 't') returning id""", Long.class,
				this.scjg, planCode);
		Long entry = this.jdbc.queryForObject("""
				insert into plan_entry (plan_id, name, selection, level, period_from, period_to, lead_department_id, methods,
				                        rounding)
				values (?, '测试项目', ?, 'CITY_CITY', date '2026-01-01', date '2026-12-31', ?, 'ON_SITE', 'CEILING')
				returning id""", Long.class, plan, selection, this.scjg);
		Long task = this.jdbc.queryForObject("""
				insert into task (code, series, task_year, sequence_no, plan_id, plan_entry_id, joint, lead_department_id, name,
				                  basis, targets, content, schedule_from, schedule_to, state, created_at, created_by,
				                  state_changed_at)
				values (?, '测试〔2026〕{seq}号', 2026, ?, ?, ?, true, ?, '测试任务', '依据', '对象', '内容', date '2026-01-01',
				        date '2026-12-31', 'RESULTS_DUE', now(), 't', now()) returning id""", Long.class,
				"测试〔2026〕" + sequence + "号", sequence, plan, entry, this.scjg);
		this.jdbc.update("insert into draw (task_id, attributes, prechecked_at, prechecked_by) values (?, 'region', now(), 't')",
				task);
		return task;
	}

	/** One result per target 1..count (t.g) of the task for the department; state and published_at as SQL of t.g. */
	void results(long task, long department, String state, String publishedAt, int count) {
		Long draw = this.jdbc.queryForObject("select id from draw where task_id = ?", Long.class, task);
		this.jdbc.update("""
				insert into inspection_result (task_id, draw_id, target_id, department_id, state, inspection_date,
				                               category_code, team, deadline, entered_by, entered_at, reviewed_by,
				                               review_opinion, published_at)
				select ?, ?, t.id, ?, %s, date '2026-02-01', 'NO_PROBLEM', '检查员甲、检查员乙', date '2026-03-01',
				       'officer', now(), 'manager', '内部意见', %s
				from (select id, row_number() over (order by id) as g from target where code like '9115060099%%') t
				where t.g <= ?""".formatted(state, publishedAt), task, draw, department, count);
	}

	@Test
	void aNoticePageIsItsSliceInTheOrderOfPublicationAndOneRowIsReadAloneWithTheSameNumber() {
		List<PublishedResults.Row> page = this.published.rows(this.big, this.scjg, 20_000, 50);
		assertThat(page).hasSize(50);
		assertThat(page).extracting(PublishedResults.Row::position).startsWith(20_001, 20_002).endsWith(20_050);
		// published one second apart in reverse target order: the 20,001st is target N - 20,000
		assertThat(page.get(0).entityName()).isEqualTo("测试·主体" + (N - 20_000));
		assertThat(this.published.rows(this.big, this.scjg, N - 10, 50)).hasSize(10);
		PublishedResults.Row onPage = this.published.rows(this.big, this.scjg, 12_345, 1).get(0);
		assertThat(this.published.row(onPage.resultId())).contains(onPage);
		Long pending = this.jdbc.queryForObject("select id from inspection_result where state = 'PENDING_REVIEW' limit 1",
				Long.class);
		assertThat(this.published.row(pending)).isEmpty();
		PublishedResults.Row person = this.published.rows(this.big, this.scjg).stream()
			.filter(r -> r.entityName().endsWith("**"))
			.findFirst()
			.orElseThrow();
		assertThat(person.entityName()).isEqualTo("测**");
		assertThat(person.creditCode()).isNull();
	}

	static final String GROUPED = """
			select task_id || '/' || department_id || '/' || count(*) || '/' || max(published_at)
			from inspection_result where state = 'PUBLISHED' group by task_id, department_id order by 1""";

	static final String SUMMARY = """
			select task_id || '/' || department_id || '/' || published_count || '/' || last_published_at
			from result_notice order by 1""";

	@Test
	void theNoticeSummaryFollowsEveryPublicationUpdateAndRemovalOfPublishedResults() {
		assertThat(this.jdbc.queryForList(SUMMARY, String.class)).containsExactlyElementsOf(
				this.jdbc.queryForList(GROUPED, String.class)).hasSize(3);
		// publish the waiting half of the mixed notice, one statement, then one more row alone
		this.jdbc.update("update inspection_result set state = 'PUBLISHED', published_at = timestamptz '2026-08-01 08:00:00+08' "
				+ "+ make_interval(secs => id::int % 1000) where task_id = ? and department_id = ? and state = 'PENDING_REVIEW' "
				+ "and id % 3 = 0", this.mixed, this.scjg);
		this.jdbc.update("update inspection_result set state = 'PUBLISHED', published_at = timestamptz '2026-09-09 09:00:00+08' "
				+ "where id = (select min(id) from inspection_result where task_id = ? and department_id = ? and state = 'NOT_ENTERED')",
				this.mixed, this.wsjk);
		assertThat(this.jdbc.queryForList(SUMMARY, String.class)).containsExactlyElementsOf(
				this.jdbc.queryForList(GROUPED, String.class));
		// rows that leave (not a path of the application, but any SQL): counts go down, the latest is taken again,
		// an emptied notice disappears
		this.jdbc.update("delete from inspection_result where task_id = ? and department_id = ? and published_at >= "
				+ "timestamptz '2026-09-01 00:00:00+08'", this.mixed, this.wsjk);
		this.jdbc.update("update inspection_result set state = 'PENDING_REVIEW', published_at = null where task_id = ? "
				+ "and department_id = ? and state = 'PUBLISHED' and id % 2 = 0", this.big, this.scjg);
		assertThat(this.jdbc.queryForList(SUMMARY, String.class)).containsExactlyElementsOf(
				this.jdbc.queryForList(GROUPED, String.class));
		this.jdbc.update("delete from inspection_result where task_id = ? and department_id = ?", this.mixed, this.wsjk);
		assertThat(this.jdbc.queryForList(SUMMARY, String.class)).containsExactlyElementsOf(
				this.jdbc.queryForList(GROUPED, String.class)).hasSize(2);
		assertThat(this.published.notices(10)).extracting(PublishedResults.Notice::taskId).containsExactly(this.mixed, this.big);
	}

	@Test
	void onlyPublishedResultsAreRead() {
		List<PublishedResults.Row> all = this.published.rows(this.mixed, this.scjg);
		assertThat(all).hasSize(N / 2).allMatch(r -> r.entityName().endsWith("**")
				|| Integer.parseInt(r.entityName().replaceAll("\\D", "")) % 2 == 1);
		assertThat(this.published.rows(this.mixed, this.wsjk)).hasSize(20);
		assertThat(this.published.noticesOfTask(this.mixed)).extracting(PublishedResults.Notice::count)
			.containsExactlyInAnyOrder((long) N / 2, 20L);
		Long pending = this.jdbc.queryForObject(
				"select id from inspection_result where state = 'PENDING_REVIEW' order by id limit 1", Long.class);
		assertThat(this.open.one(pending)).isEmpty();
		assertThat(this.open.items(pending)).isEmpty();
		Long shown = this.jdbc.queryForObject(
				"select id from inspection_result where state = 'PUBLISHED' and task_id = ? order by id limit 1", Long.class,
				this.mixed);
		assertThat(this.open.one(shown)).isPresent();
		assertThat(this.open.items(shown)).hasSize(3);
	}

	@Test
	void aPublishedResultsDetailHasItsItemLinesInOrderWithoutTheFindingAndAnUnpublishedOneHasNone() {
		Long found = this.jdbc.queryForObject("""
				select id from inspection_result where state = 'PUBLISHED' and task_id = ? and department_id = ?
				and id % 3 = 0 order by id limit 1""", Long.class, this.mixed, this.scjg);
		PublishedResults.Detail detail = this.published.detail(found).orElseThrow();
		assertThat(detail.taskId()).isEqualTo(this.mixed);
		assertThat(detail.departmentId()).isEqualTo(this.scjg);
		assertThat(detail.categoryCode()).isEqualTo("NO_PROBLEM");
		assertThat(detail.items()).containsExactly(new PublishedResults.Item("事项0", true, false),
				new PublishedResults.Item("事项1", true, true), new PublishedResults.Item("事项2", false, false));
		Long clean = this.jdbc.queryForObject("""
				select id from inspection_result where state = 'PUBLISHED' and task_id = ? and id % 3 = 1
				order by id limit 1""", Long.class, this.mixed);
		assertThat(this.published.detail(clean).orElseThrow().items()).extracting(PublishedResults.Item::problemFound)
			.containsOnly(false);
		Long pending = this.jdbc.queryForObject(
				"select id from inspection_result where state = 'PENDING_REVIEW' order by id limit 1", Long.class);
		assertThat(this.published.detail(pending)).isEmpty();
		assertThat(this.published.detail(-1)).isEmpty();
	}

	@Test
	void theNoticeQueriesAreRangesOfTheIndexesNotSortsOfTheTable() {
		String page = plan("""
				select id, row_number() over (order by published_at, id) from inspection_result
				where state = 'PUBLISHED' and task_id = %d and department_id = %d
				order by published_at, id offset 500 limit 50""".formatted(this.big, this.scjg));
		assertThat(page).contains("inspection_result_published_notice").doesNotContain("Sort").doesNotContain("Seq Scan");
		long id = this.published.rows(this.big, this.scjg, 500, 1).get(0).resultId();
		String at = this.jdbc.queryForObject("select published_at::text from inspection_result where id = ?", String.class, id);
		String position = plan("""
				select count(*) from inspection_result
				where state = 'PUBLISHED' and task_id = %d and department_id = %d
				  and published_at <= '%s'::timestamptz""".formatted(this.big, this.scjg, at));
		// the planner cannot know that a task's results were published together, and may read the task's rows by
		// the task index instead: either way an index range of one task, never the table
		assertThat(position).containsPattern("Index (Only )?Scan using inspection_result_(published_notice|by_task)")
			.contains("Index Cond: (task_id = ").doesNotContain("Seq Scan");
		String newest = plan("""
				select id from inspection_result where state = 'PUBLISHED'
				  and published_at >= make_timestamptz(2026, 1, 1, 0, 0, 0, 'Asia/Shanghai')
				  and published_at < make_timestamptz(2027, 1, 1, 0, 0, 0, 'Asia/Shanghai')
				order by published_at desc, id desc offset 500 limit 51""");
		assertThat(newest).contains("inspection_result_published_recent").doesNotContain("Sort");
		String byDepartment = plan("""
				select id from inspection_result where state = 'PUBLISHED' and department_id = %d
				order by published_at desc, id desc limit 51""".formatted(this.wsjk));
		assertThat(byDepartment).contains("inspection_result_published_department").doesNotContain("Seq Scan");
	}

	@Test
	void theApiPagesAndTheCursorReadPublishedResultsWithTheirItemsButNoFindings() {
		List<OpenResults.Line> newest = this.open.page(new OpenResults.Filter(null, null, null), 0, 5);
		assertThat(newest).extracting(OpenResults.Line::department).containsOnly("鄂尔多斯市卫生健康委员会");
		assertThat(newest.get(0).publishedOn()).isEqualTo("2026-07-01");
		assertThat(this.open.page(new OpenResults.Filter(null, 2025, null), 0, N)).hasSize(N / 2)
			.allMatch(l -> l.taskId() == this.mixed && l.departmentId() == this.scjg && !l.directed());
		assertThat(this.open.page(new OpenResults.Filter(this.wsjk, null, this.mixed), 0, 100)).hasSize(20);
		assertThat(this.open.page(new OpenResults.Filter(this.scjg, 2026, this.mixed), 0, 100)).isEmpty();
		assertThat(this.open.page(new OpenResults.Filter(null, null, this.big), 10, 5)).hasSize(5)
			.allMatch(OpenResults.Line::directed);
		List<Long> ids = new ArrayList<>();
		this.open.each(line -> ids.add(line.resultId()));
		Long expected = this.jdbc.queryForObject("select count(*) from inspection_result where state = 'PUBLISHED'",
				Long.class);
		assertThat(ids).hasSize(expected.intValue()).isSorted().doesNotHaveDuplicates();
		assertThat(expected).isEqualTo(N + N / 2 + 20);
		List<OpenResults.ItemLine> items = new ArrayList<>();
		this.open.eachItem(items::add);
		assertThat(items).hasSize(3 * (N / 2 + 20));
		assertThat(items).extracting(OpenResults.ItemLine::position).containsOnly(1, 2, 3);
		assertThat(items).filteredOn(i -> i.position() == 3).extracting(OpenResults.ItemLine::outcome)
			.containsOnly(ItemOutcome.NOT_CHECKED);
		assertThat(items).extracting(OpenResults.ItemLine::outcome).contains(ItemOutcome.PROBLEM_FOUND,
				ItemOutcome.NO_PROBLEM);
		OpenResults.Version version = this.open.version();
		assertThat(version.count()).isEqualTo(expected);
		assertThat(version.lastId()).isEqualTo(ids.stream().mapToLong(Long::longValue).max().orElseThrow());
	}

	String plan(String sql) {
		return String.join("\n", this.jdbc.queryForList("explain " + sql, String.class));
	}

}
