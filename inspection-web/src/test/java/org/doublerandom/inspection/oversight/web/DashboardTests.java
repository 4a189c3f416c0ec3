package org.doublerandom.inspection.oversight.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.doublerandom.inspection.oversight.Dashboard;
import org.doublerandom.inspection.oversight.Figure;
import org.doublerandom.inspection.oversight.Indicator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's figures on the demo data, checked against the tables they count, and its scope: a
 * department manager sees their own department whatever they ask for; exports are recorded.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class DashboardTests {

	static final int LAST_YEAR = LocalDate.now().getYear() - 1;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	Dashboard dashboard(String username, String... params) throws Exception {
		var request = get("/oversight/dashboard").with(as(username));
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return (Dashboard) this.mvc.perform(request).andExpect(status().isOk()).andReturn().getModelAndView().getModel()
			.get("dashboard");
	}

	static long indicator(Dashboard dashboard, String key) {
		return dashboard.indicators().stream().filter(i -> i.key().equals(key)).mapToLong(Indicator::value).findFirst()
			.orElseThrow();
	}

	Long department(String code) {
		return this.jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

	@Test
	void theBureauSeesTheWholeCityCountedFromTheTables() throws Exception {
		Dashboard city = dashboard("bureau", "year", String.valueOf(LAST_YEAR));
		assertThat(city.scope().wholeCity()).isTrue();
		assertThat(city.figure("tasksByState").orElseThrow().total(0))
			.isEqualTo(this.jdbc.queryForObject("select count(*) from task where task_year = ?", Long.class, LAST_YEAR));
		assertThat(indicator(city, "targetsDrawn")).isPositive()
			.isEqualTo(this.jdbc.queryForObject("select coalesce(sum(target_count), 0) from task where task_year = ?",
					Long.class, LAST_YEAR));
		long selected = this.jdbc.queryForObject("select count(distinct p.registry_id) from draw_selected s "
				+ "join draw d on d.id = s.draw_id and d.voided_at is null join task t on t.id = d.task_id "
				+ "join draw_pool p on p.draw_id = s.draw_id and p.target_id = s.target_id "
				+ "where not s.reserve and t.task_year = ?", Long.class, LAST_YEAR);
		assertThat(city.figure("coverageByCredit").orElseThrow().total(0)).isEqualTo(selected);
		assertThat(city.figure("coverageByRegion").orElseThrow().total(0)).isEqualTo(selected);
		// the demo joint task: each target visited once by the joint team instead of once per department
		Figure joint = city.figure("joint").orElseThrow();
		assertThat(joint.rows()).isNotEmpty().allSatisfy(row -> {
			assertThat(row.count(2)).isEqualTo(row.count(0) * row.count(1));
			assertThat(row.count(4)).isEqualTo(row.count(2) - row.count(3));
		});
		assertThat(indicator(city, "visitsSaved")).isEqualTo(joint.total(4)).isPositive();
		assertThat(city.departments()).isNotEmpty();
	}

	@Test
	void aDepartmentManagerSeesTheirOwnDepartmentWhateverTheyAskFor() throws Exception {
		Long wsjk = department("WSJK");
		Dashboard own = dashboard("wsjk-manager", "year", String.valueOf(LAST_YEAR), "department",
				String.valueOf(department("SCJG")));
		assertThat(own.scope().departmentId()).isEqualTo(wsjk);
		assertThat(own.departments()).isEmpty();
		assertThat(own.figure("tasksByState").orElseThrow().total(0)).isEqualTo(this.jdbc.queryForObject(
				"select count(*) from task t where t.task_year = ? and exists (select 1 from task_department d "
						+ "where d.task_id = t.id and d.department_id = ?)", Long.class, LAST_YEAR, wsjk));
		assertThat(own.figure("targetsDrawn").orElseThrow().rows()).allSatisfy(r -> assertThat(r.label()).isEqualTo(
				this.jdbc.queryForObject("select short_name from department where id = ?", String.class, wsjk)));

		Dashboard picked = dashboard("bureau", "year", String.valueOf(LAST_YEAR), "department", String.valueOf(wsjk));
		assertThat(picked.scope().departmentId()).isEqualTo(wsjk);
		assertThat(picked.figure("tasksByState").orElseThrow().total(0))
			.isEqualTo(own.figure("tasksByState").orElseThrow().total(0));
	}

	@Test
	void aFigureExportsAsCsvWithTheTableAndIsRecorded() throws Exception {
		long before = this.jdbc.queryForObject("select count(*) from audit_event where action = 'oversight.export'", Long.class);
		byte[] body = this.mvc.perform(get("/oversight/dashboard/export.csv").with(as("bureau"))
				.param("figure", "tasksByState").param("year", String.valueOf(LAST_YEAR)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		List<String> lines = new String(body, StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFF任务状态,任务数");
		assertThat(lines).hasSize(1 + 9).anySatisfy(l -> assertThat(l).startsWith("已创建,"));
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'oversight.export'",
				Long.class)).isEqualTo(before + 1);
		assertThat(this.jdbc.queryForObject("select actor || ' ' || detail from audit_event where action = 'oversight.export' "
				+ "order by seq desc limit 1", String.class))
			.startsWith("bureau dashboard figure tasksByState year " + LAST_YEAR + " city");
		this.mvc.perform(get("/oversight/dashboard/export.csv").with(as("bureau")).param("figure", "noSuchFigure"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theChartsJsonCarriesTheSameNumbersAsTheTables() throws Exception {
		String json = this.mvc.perform(get("/oversight/dashboard/charts").with(as("bureau"))
				.param("year", String.valueOf(LAST_YEAR)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Dashboard city = dashboard("bureau", "year", String.valueOf(LAST_YEAR));
		long drawn = city.figure("targetsDrawn").orElseThrow().total(1);
		assertThat(json).contains("\"key\":\"targetsDrawn\"").contains("\"kind\":\"BAR_RATE\"")
			.doesNotContain("correctionReasons");
		assertThat(drawn).isPositive();
	}

	@Test
	void theResultFiguresCountTheResultTablesWithinTheScope() throws Exception {
		String recorded = "from inspection_result r join task t on t.id = r.task_id "
				+ "left join dictionary_entry c on c.dictionary = 'RESULT_CATEGORY' and c.code = r.category_code "
				+ "where r.state <> 'NOT_ENTERED' and t.task_year = ? and (cast(? as bigint) is null or r.department_id = ?)";
		Long scjg = department("SCJG");
		Dashboard city = dashboard("bureau", "year", String.valueOf(LAST_YEAR));
		Dashboard own = dashboard("scjg-manager", "year", String.valueOf(LAST_YEAR), "department",
				String.valueOf(department("WSJK")));
		assertThat(own.scope().departmentId()).isEqualTo(scjg);
		for (Object[] view : new Object[][] { { city, null }, { own, scjg } }) {
			Dashboard d = (Dashboard) view[0];
			Long dept = (Long) view[1];
			long results = this.jdbc.queryForObject("select count(*) " + recorded, Long.class, LAST_YEAR, dept, dept);
			long problems = this.jdbc.queryForObject("select count(*) " + recorded + " and c.problem_found", Long.class,
					LAST_YEAR, dept, dept);
			long published = this.jdbc.queryForObject("select count(*) " + recorded + " and r.state = 'PUBLISHED'",
					Long.class, LAST_YEAR, dept, dept);
			long onTime = this.jdbc.queryForObject("select count(*) " + recorded + " and r.state = 'PUBLISHED' "
					+ "and (r.published_at at time zone 'Asia/Shanghai')::date <= r.deadline", Long.class, LAST_YEAR, dept, dept);
			assertThat(d.figure("problemFound").orElseThrow().total(0)).isEqualTo(results).isPositive();
			assertThat(d.figure("problemFound").orElseThrow().total(1)).isEqualTo(problems);
			assertThat(d.figure("resultsByCategory").orElseThrow().total(0)).isEqualTo(results);
			assertThat(d.figure("onTimePublication").orElseThrow().total(0)).isEqualTo(published).isPositive();
			assertThat(d.figure("onTimePublication").orElseThrow().total(1)).isEqualTo(onTime);
			assertThat(indicator(d, "targetsInspected")).isEqualTo(this.jdbc.queryForObject(
					"select count(distinct (r.task_id, r.target_id)) " + recorded, Long.class, LAST_YEAR, dept, dept));
			assertThat(indicator(d, "resultsPublished")).isEqualTo(published);
			assertThat(indicator(d, "resultsOverdue")).isEqualTo(d.figure("overdueResults").orElseThrow().rows().size());
		}
		// the demo draft left past its deadline is on the market-regulation bureau's overdue list, never on another's
		assertThat(own.figure("overdueResults").orElseThrow().rows()).isNotEmpty()
			.allSatisfy(r -> assertThat(r.cells().get(0)).isEqualTo(
					this.jdbc.queryForObject("select name from department where id = ?", String.class, scjg)));
		assertThat(dashboard("wsjk-manager", "year", String.valueOf(LAST_YEAR)).figure("problemFound").orElseThrow().rows())
			.allSatisfy(r -> assertThat(r.label()).isEqualTo(
					this.jdbc.queryForObject("select short_name from department where code = 'WSJK'", String.class)));
		assertThat(city.figure("overdueResults").orElseThrow().rows().size())
			.isGreaterThanOrEqualTo(own.figure("overdueResults").orElseThrow().rows().size());
	}

	@Test
	void theOverdueListExportsAsCsv() throws Exception {
		byte[] body = this.mvc.perform(get("/oversight/dashboard/export.csv").with(as("bureau"))
				.param("figure", "overdueResults").param("year", String.valueOf(LAST_YEAR)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		List<String> lines = new String(body, StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).isEqualTo("\uFEFF任务编号,部门,检查对象,结果状态,公示期限,逾期工作日");
		assertThat(lines).hasSizeGreaterThan(1);
	}

	@Test
	void aLongOverdueListShowsItsFirstRowsOnThePageAndAllOfThemInTheCsv() throws Exception {
		var dashboard = this.mvc.perform(get("/oversight/dashboard").with(as("bureau")).param("year", String.valueOf(LAST_YEAR)))
			.andExpect(status().isOk())
			.andReturn();
		int all = ((Dashboard) dashboard.getModelAndView().getModel().get("dashboard")).figure("overdueResults")
			.orElseThrow()
			.rows()
			.size();
		assertThat(all).as("the demo's overdue lines").isGreaterThan(25);
		String page = dashboard.getResponse().getContentAsString();
		String table = page.substring(page.indexOf("id=\"table-overdueResults\""));
		table = table.substring(0, table.indexOf("</table>"));
		assertThat(table.split("<tr", -1)).hasSize(1 + 1 + 25);
		assertThat(page).contains("此处显示前 25 行，共 " + all + " 行");
	}

}
