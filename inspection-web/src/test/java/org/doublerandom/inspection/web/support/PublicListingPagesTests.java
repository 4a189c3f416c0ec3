package org.doublerandom.inspection.web.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The four public listings (plans, tasks, draws, result notices) signed out, on the demo data plus 21 published
 * plans with their tasks, draws and results in 2031 in 伊金霍洛旗 (rolled back after each test): the filter bar
 * narrows them, page 2 holds the 21st, the count and the active filters are stated, an empty result says so, a
 * draft never shows, and a filter value the bar never offers is refused with a 400. The API takes the same filters.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
@Transactional
class PublicListingPagesTests {

	static final String EJIN_HORO = "150627";

	static final List<String> LISTINGS = List.of("/public/plans", "/public/tasks", "/public/draws", "/public/results");

	// a plan row names its plan, the other listings' rows their task (a task row names its plan too)
	static final Pattern PLAN_ROW = Pattern.compile("筛选样例(\\d+)号计划");

	static final Pattern TASK_ROW = Pattern.compile("筛选样例(\\d+)号任务");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	long sthj;

	long wsjk;

	@BeforeEach
	void twentyOnePublishedPlansWithTasksDrawsAndResults() {
		this.sthj = this.jdbc.queryForObject("select id from department where code = 'STHJ'", Long.class);
		this.wsjk = this.jdbc.queryForObject("select id from department where code = 'WSJK'", Long.class);
		long target = this.jdbc.queryForObject("""
				insert into target (kind, code_type, code, name, region_code, created_at, updated_at)
				values ('ENTERPRISE', 'USCC', '91150627MA0LXT0031', '伊旗筛选样例公司', ?, now(), now()) returning id""",
				Long.class, EJIN_HORO);
		for (int i = 1; i <= 21; i++) {
			long plan = this.jdbc.queryForObject("""
					insert into plan (type, plan_year, owner_department_id, code, name, version_no, state, created_at,
					                  created_by, published_at, published_by)
					values ('DEPARTMENT', 2031, ?, ?, ?, 1, 'PUBLISHED', now(), 't', ?::timestamptz, 't') returning id""",
					Long.class, this.sthj, "SX-2031-" + i, "筛选样例" + i + "号计划", "2031-01-%02dT02:00:00Z".formatted(i));
			long entry = this.jdbc.queryForObject("""
					insert into plan_entry (plan_id, name, selection, level, period_from, period_to, lead_department_id,
					                        methods, scope_regions, rounding)
					values (?, '排污单位检查', 'UNDIRECTED', 'COUNTY_COUNTY', date '2031-03-01', date '2031-06-30', ?,
					        'ON_SITE', ?, 'CEILING') returning id""", Long.class, plan, this.sthj, EJIN_HORO);
			long task = this.jdbc.queryForObject("""
					insert into task (code, series, task_year, sequence_no, plan_id, plan_entry_id, joint,
					                  lead_department_id, name, basis, region, targets, content, schedule_from, schedule_to,
					                  state, target_count, created_at, created_by, state_changed_at)
					values (?, '筛选〔{year}〕{seq}号', 2031, ?, ?, ?, false, ?, ?, '依据', '伊金霍洛旗', '排污单位', '内容',
					        date '2031-03-01', date '2031-06-30', 'DRAWN', 1, now(), 't', now()) returning id""", Long.class,
					"筛选〔2031〕" + i + "号", i, plan, entry, this.sthj, "筛选样例" + i + "号任务");
			this.jdbc.update("insert into task_department (task_id, department_id, lead, officers_per_target, items) "
					+ "values (?, ?, true, 1, '')", task, this.sthj);
			long draw = this.jdbc.queryForObject("""
					insert into draw (task_id, attributes, prechecked_at, prechecked_by, frozen_at, frozen_by, plan_json,
					                  plan_hash, committed_at, committed_by)
					values (?, 'region', ?::timestamptz, 't', ?::timestamptz, 't', '{}'::bytea, repeat('b', 64),
					        ?::timestamptz, 't') returning id""", Long.class, task, "2031-03-%02dT02:00:00Z".formatted(i),
					"2031-03-%02dT02:00:00Z".formatted(i), "2031-03-%02dT02:00:00Z".formatted(i));
			this.jdbc.update("""
					insert into inspection_result (task_id, draw_id, target_id, department_id, state, inspection_date,
					                               category_code, team, deadline, entered_by, entered_at, published_at)
					values (?, ?, ?, ?, 'PUBLISHED', date '2031-04-01', 'NO_PROBLEM', '检查员', date '2031-05-01', 't', now(),
					        ?::timestamptz)""", task, draw, target, this.sthj, "2031-04-%02dT02:00:00Z".formatted(i));
		}
		// a draft in the same year, banner and department: never listed
		long draft = this.jdbc.queryForObject("""
				insert into plan (type, plan_year, owner_department_id, code, name, version_no, state, created_at, created_by)
				values ('DEPARTMENT', 2031, ?, 'SX-2031-DRAFT', '筛选样例99号计划', 1, 'DRAFT', now(), 't') returning id""",
				Long.class, this.sthj);
		this.jdbc.update("""
				insert into plan_entry (plan_id, name, selection, level, period_from, period_to, lead_department_id, methods,
				                        scope_regions, rounding)
				values (?, '草稿项目', 'UNDIRECTED', 'COUNTY_COUNTY', date '2031-03-01', date '2031-06-30', ?, 'ON_SITE', ?,
				        'CEILING')""", draft, this.sthj, EJIN_HORO);
	}

	@ParameterizedTest(name = "{0}: filtered, 20 a page, the 21st on page 2")
	@ValueSource(strings = { "/public/plans", "/public/tasks", "/public/draws", "/public/results" })
	void aListingIsFilteredAndPaged(String path) throws Exception {
		String first = page(path + "?department={d}&year=2031&region=" + EJIN_HORO, this.sthj);
		assertThat(first).contains("id=\"public-filter\"").contains("共 21 条").contains("id=\"filter-active\"")
			.contains("伊金霍洛旗").contains("2031 年度").contains("第 1 / 2 页").contains("id=\"print-page\"")
			.contains("page=1");
		List<String> one = rows(path, first);
		assertThat(one).hasSize(20).doesNotHaveDuplicates();
		String second = page(path + "?department={d}&year=2031&region=" + EJIN_HORO + "&page=1", this.sthj);
		List<String> two = rows(path, second);
		assertThat(two).hasSize(1).doesNotContainAnyElementsOf(one).doesNotContain("99");
		assertThat(second).contains("第 2 / 2 页");

		// another department, or another banner, has none of them in 2031
		String none = page(path + "?department={d}&year=2031", this.wsjk);
		assertThat(rows(path, none)).isEmpty();
		assertThat(none).contains("没有符合筛选条件的公告").contains("共 0 条");
		assertThat(rows(path, page(path + "?year=2031&region=150602"))).isEmpty();
		// the year alone finds them all
		assertThat(page(path + "?year=2031")).contains("共 21 条");
	}

	@ParameterizedTest(name = "{0}: htmx gets the rows only, and caches keep the two answers apart")
	@ValueSource(strings = { "/public/plans", "/public/tasks", "/public/draws", "/public/results" })
	void htmxGetsTheRowsOnly(String path) throws Exception {
		var response = this.mvc.perform(get(path + "?year=2031&page=1").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).doesNotContain("<html").doesNotContain("id=\"public-filter\"").contains("id=\"results\"")
			.contains("共 21 条");
		assertThat(rows(path, body)).hasSize(1);
		assertThat(response.getHeaders("Vary")).contains("HX-Request");
	}

	@Test
	void aFilterValueTheBarNeverOffersIsRefusedWithA400NotAnEmptyList() throws Exception {
		for (String path : LISTINGS) {
			assertThat(refused(path + "?department=987654321")).contains("没有这个部门");
			assertThat(refused(path + "?region=999999")).contains("没有这个旗区");
			assertThat(refused(path + "?region=abc")).contains("没有这个旗区");
			assertThat(refused(path + "?year=1900")).contains("2000 至 2100");
			this.mvc.perform(get(path + "?year=abc")).andExpect(status().isBadRequest());
			this.mvc.perform(get(path + "?department=x")).andExpect(status().isBadRequest());
		}
	}

	@Test
	void theApiTakesTheSameFilters() throws Exception {
		String plans = json("/api/public/plans?year=2031&region=" + EJIN_HORO + "&department={d}", this.sthj);
		assertThat(count(plans, "\"planCode\":\"SX-2031-")).isEqualTo(21);
		assertThat(plans).doesNotContain("SX-2031-DRAFT");
		assertThat(count(json("/api/public/plans?year=2031&page=1"), "\"planCode\":\"SX-2031-")).isEqualTo(1);
		assertThat(count(json("/api/public/tasks?year=2031"), "筛选样例")).isEqualTo(21);
		assertThat(count(json("/api/public/tasks?year=2031&page=0"), "筛选样例")).isEqualTo(20);
		assertThat(count(json("/api/public/tasks?year=2031&department={d}", this.wsjk), "筛选样例")).isZero();
		assertThat(count(json("/api/public/draws?year=2031&region=" + EJIN_HORO), "筛选样例")).isEqualTo(21);
		assertThat(count(json("/api/public/draws?year=2031&region=150602"), "筛选样例")).isZero();
		String refused = this.mvc.perform(get("/api/public/draws?department=987654321"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("没有这个部门");
		this.mvc.perform(get("/api/public/tasks?year=abc")).andExpect(status().isBadRequest());
		String openApi = json("/api/public/openapi.json");
		assertThat(openApi).contains("\"name\":\"region\"").contains("\"name\":\"department\"");
	}

	private String page(String url, Object... vars) throws Exception {
		return this.mvc.perform(get(url, vars)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String json(String url, Object... vars) throws Exception {
		return this.mvc.perform(get(url, vars).accept("application/json")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String refused(String url) throws Exception {
		return this.mvc.perform(get(url)).andExpect(status().isBadRequest()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The fixture's rows on a page, by number. */
	private static List<String> rows(String path, String html) {
		List<String> found = new ArrayList<>();
		Matcher m = (path.endsWith("/plans") ? PLAN_ROW : TASK_ROW).matcher(html);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
	}

}
