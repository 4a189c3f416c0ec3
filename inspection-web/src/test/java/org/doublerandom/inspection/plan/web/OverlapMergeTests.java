package org.doublerandom.inspection.plan.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 避免重复组织: the market-regulation bureau and the health commission both plan the catering and lodging
 * industry for the second quarter of next year. The bureau's coordinator sees the overlap (targets and items),
 * merges the two entries into one joint entry, publishes the joint plan, and one task then covers the items of
 * both departments; the merged entries can no longer be executed on their own.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class OverlapMergeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.users.loadUserByUsername(username))).with(csrf());
	}

	Long department(String code) {
		return this.jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

	Long plannedEntry(String username, String code, String item, String planName, String entryName, int year,
			String from, String to) throws Exception {
		Long department = department(code);
		this.mvc.perform(as(username, post("/plans/new")).param("type", "DEPARTMENT")
			.param("year", String.valueOf(year))
			.param("name", planName)).andExpect(status().is3xxRedirection());
		Long plan = this.jdbc.queryForObject("select id from plan where name = ?", Long.class, planName);
		this.mvc.perform(as(username, post("/plans/{id}/entries/new", plan)).param("name", entryName)
			.param("selection", "UNDIRECTED")
			.param("level", "CITY_CITY")
			.param("periodFrom", from)
			.param("periodTo", to)
			.param("leadDepartmentId", department.toString())
			.param("officers", department + ":2")
			.param("itemKeys", department + ":D:" + item)
			.param("methods", "ON_SITE")
			.param("scopeIndustries", "H")
			.param("scopeStatuses", "ACTIVE")
			.param("rateA", "100")
			.param("rateB", "100")
			.param("rateC", "100")
			.param("rateD", "100")
			.param("rateNone", "100")
			.param("rounding", "CEILING")).andExpect(flash().attribute("message", "plan.entry.added"));
		return this.jdbc.queryForObject("select id from plan_entry where plan_id = ?", Long.class, plan);
	}

	@Test
	void twoDepartmentsPlanningTheSameIndustryInTheSameQuarterSeeTheOverlapAndAfterTheMergeOneTaskCoversBoth()
			throws Exception {
		int year = LocalDate.now().getYear() + 1;
		Long food = plannedEntry("scjg-officer1", "SCJG", "SCJG-002", "市场监管局重叠测试计划", "餐饮住宿食品经营许可检查", year,
				year + "-04-01", year + "-06-30");
		Long hygiene = plannedEntry("wsjk-officer", "WSJK", "WSJK-001", "卫健委重叠测试计划", "住宿餐饮公共场所卫生检查", year,
				year + "-05-01", year + "-07-31");
		long shared = this.jdbc.queryForObject(
				"select count(*) from target where industry_section_code = 'H' and status = 'ACTIVE'", Long.class);
		assertThat(shared).isPositive();

		this.mvc.perform(as("scjg-manager", get("/plans/overlaps").param("year", String.valueOf(year))))
			.andExpect(status().isForbidden());
		String overlaps = this.mvc.perform(as("bureau", get("/plans/overlaps").param("year", String.valueOf(year))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(overlaps).contains("餐饮住宿食品经营许可检查", "住宿餐饮公共场所卫生检查", "食品经营许可检查", "公共场所卫生监督检查",
				"共同检查对象 " + shared + " 户，重叠期间 " + year + "-05-01 至 " + year + "-06-30",
				// every shared target is planned (100 %): each is visited once instead of twice
				"合并后可减少上门检查 " + shared + " 次");

		this.mvc.perform(as("bureau", post("/plans/overlaps/merge")).param("first", food.toString())
			.param("second", hygiene.toString())).andExpect(flash().attribute("message", "plan.overlap.merged"));
		Long merged = this.jdbc.queryForObject("select merged_into_id from plan_entry where id = ?", Long.class, food);
		assertThat(this.jdbc.queryForObject("select merged_into_id from plan_entry where id = ?", Long.class, hygiene))
			.isEqualTo(merged);
		Long joint = this.jdbc.queryForObject("select plan_id from plan_entry where id = ?", Long.class, merged);
		assertThat(this.jdbc.queryForObject("select type || ':' || state from plan where id = ?", String.class, joint))
			.isEqualTo("JOINT:DRAFT");
		assertThat(this.jdbc.queryForList("select item_code from plan_entry_item where plan_entry_id = ? order by item_code",
				String.class, merged)).containsExactly("SCJG-002", "WSJK-001");
		assertThat(this.mvc.perform(as("bureau", get("/plans/overlaps").param("year", String.valueOf(year)))).andReturn()
			.getResponse().getContentAsString()).doesNotContain("合并为联合抽查项目</button>");

		for (String step : new String[] { "submit", "approve", "publish" }) {
			this.mvc.perform(as("bureau", post("/plans/{id}/" + step, joint))).andExpect(flash().attributeExists("message"));
		}
		this.mvc.perform(as("bureau", post("/tasks/from-entry/{id}", merged)).param("name", "住宿餐饮业联合抽查")
			.param("basis", "联合抽查计划")
			.param("targets", "住宿和餐饮业")
			.param("content", "食品经营许可；公共场所卫生")
			.param("scheduleFrom", year + "-05-01")
			.param("scheduleTo", year + "-06-30")).andExpect(flash().attribute("message", "task.created"));
		Long task = this.jdbc.queryForObject("select id from task where plan_entry_id = ?", Long.class, merged);
		assertThat(this.jdbc.queryForObject("select code from task where id = ?", String.class, task))
			.isEqualTo("鄂市监联抽〔" + year + "〕1号");
		assertThat(this.jdbc.queryForList("""
				select d.code || ':' || t.items from task_department t join department d on d.id = t.department_id
				where t.task_id = ? order by t.lead desc""", String.class, task))
			.containsExactly("SCJG:SCJG-002 食品经营许可检查", "WSJK:WSJK-001 公共场所卫生监督检查");

		// the department plans may be published, but their merged entries are executed by the joint task only
		Long foodPlan = this.jdbc.queryForObject("select plan_id from plan_entry where id = ?", Long.class, food);
		this.mvc.perform(as("scjg-officer1", post("/plans/{id}/submit", foodPlan)));
		this.mvc.perform(as("scjg-manager", post("/plans/{id}/approve", foodPlan)));
		this.mvc.perform(as("scjg-manager", post("/plans/{id}/publish", foodPlan))).andExpect(flash().attribute("message", "plan.published"));
		this.mvc.perform(as("scjg-officer1", get("/tasks/from-entry/{id}", food)))
			.andExpect(flash().attribute("refusal", "task.refused.entryMerged"));
	}

}
