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
 * Plans and tasks through the real pages on a real database: the department data scope, field errors of the
 * entry form, the workflow by role with its audit trail, the preview against the registry, the task and the
 * public notices. Other tests share the demo data, so these work on plans of their own.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class PlanFlowTests {

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

	static int thisYear() {
		return LocalDate.now().getYear();
	}

	/** A department plan of this year created through the form; its id. */
	Long createPlan(String username, String type, int year, String name) throws Exception {
		this.mvc.perform(as(username, post("/plans/new")).param("type", type)
			.param("year", String.valueOf(year))
			.param("name", name)).andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "plan.created"));
		return this.jdbc.queryForObject("select id from plan where name = ?", Long.class, name);
	}

	MockHttpServletRequestBuilder entry(String username, Long planId, String name, int year, String... officersAndItems) {
		MockHttpServletRequestBuilder request = as(username, post("/plans/{id}/entries/new", planId)).param("name", name)
			.param("selection", "UNDIRECTED")
			.param("level", "CITY_CITY")
			.param("periodFrom", year + "-04-01")
			.param("periodTo", year + "-06-30")
			.param("methods", "ON_SITE")
			.param("scopeIndustries", "H")
			.param("scopeStatuses", "ACTIVE")
			.param("rateA", "3")
			.param("rateB", "5")
			.param("rateC", "10")
			.param("countD", "5")
			.param("rounding", "CEILING");
		for (String value : officersAndItems) {
			request.param(value.contains(":D:") || value.contains(":J:") ? "itemKeys" : "officers", value);
		}
		// the lead is the first department named
		request.param("leadDepartmentId", officersAndItems[0].split(":")[0]);
		return request;
	}

	String page(String username, String path, Object... vars) throws Exception {
		return this.mvc.perform(as(username, get(path, vars))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	@Test
	void aDepartmentCannotReadOrChangeAnotherDepartmentsDraft() throws Exception {
		Long wsjk = department("WSJK");
		Long plan = createPlan("wsjk-manager", "DEPARTMENT", thisYear(), "卫健委范围测试计划");
		this.mvc.perform(as("scjg-officer1", get("/plans/{id}", plan))).andExpect(status().isNotFound());
		this.mvc.perform(as("scjg-manager", post("/plans/{id}/edit", plan)).param("name", "越权改名"))
			.andExpect(status().isNotFound());
		this.mvc.perform(entry("scjg-officer1", plan, "越权新增", thisYear(), wsjk + ":2", wsjk + ":D:WSJK-001"))
			.andExpect(status().isNotFound());
		this.mvc.perform(as("scjg-manager", post("/plans/{id}/submit", plan))).andExpect(status().isNotFound());
		assertThat(page("scjg-officer1", "/plans")).doesNotContain("卫健委范围测试计划");
		assertThat(page("bureau", "/plans/{id}", plan)).contains("卫健委范围测试计划");
		assertThat(this.jdbc.queryForObject("select name || state from plan where id = ?", String.class, plan))
			.isEqualTo("卫健委范围测试计划DRAFT");
		assertThat(this.jdbc.queryForObject("select count(*) from plan_entry where plan_id = ?", Long.class, plan)).isZero();
	}

	@Test
	void theEntryFormShowsEachRefusalAtItsField() throws Exception {
		Long wsjk = department("WSJK");
		Long scjg = department("SCJG");
		Long plan = createPlan("wsjk-officer", "DEPARTMENT", thisYear(), "卫健委表单测试计划");
		String oneOfficer = this.mvc.perform(entry("wsjk-officer", plan, "人数不足", thisYear(), wsjk + ":1", wsjk + ":D:WSJK-001"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(oneOfficer).contains("每户检查对象的执法检查人员合计不少于2人（现为1人）", "is-invalid");

		String badRate = this.mvc.perform(entry("wsjk-officer", plan, "比例错误", thisYear(), wsjk + ":2", wsjk + ":D:WSJK-001")
			.param("rateNone", "三成")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(badRate).contains("比例须为大于0、不超过100的百分数，最多两位小数（现为“三成”）");

		String outsider = this.mvc.perform(entry("wsjk-officer", plan, "他部门事项", thisYear(), wsjk + ":2",
				wsjk + ":D:WSJK-001", scjg + ":D:SCJG-002")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(outsider).contains("事项 SCJG-002 所属部门未参加本抽查项目。");

		String nextYear = this.mvc.perform(entry("wsjk-officer", plan, "跨年", thisYear() + 1, wsjk + ":2", wsjk + ":D:WSJK-001"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(nextYear).contains("检查期间须在计划年度（" + thisYear() + "年）之内。");
		assertThat(this.jdbc.queryForObject("select count(*) from plan_entry where plan_id = ?", Long.class, plan)).isZero();
	}

	@Test
	void aDepartmentPlanIsApprovedByItsHeadPublishedAndExecutedByOneTaskShownInThePublicNotices() throws Exception {
		Long wsjk = department("WSJK");
		Long plan = createPlan("wsjk-officer", "DEPARTMENT", thisYear(), "卫健委流程测试计划");
		this.mvc.perform(entry("wsjk-officer", plan, "游泳场所卫生抽查", thisYear(), wsjk + ":2", wsjk + ":D:WSJK-001"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "plan.entry.added"));
		Long entry = this.jdbc.queryForObject("select id from plan_entry where plan_id = ?", Long.class, plan);

		// nothing unpublished can be executed
		this.mvc.perform(as("wsjk-officer", get("/tasks/from-entry/{id}", entry)))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refusal", "plan.refused.notExecutable"));

		this.mvc.perform(as("wsjk-officer", post("/plans/{id}/submit", plan))).andExpect(flash().attribute("message", "plan.submitted"));
		this.mvc.perform(as("wsjk-officer", post("/plans/{id}/approve", plan))).andExpect(status().isForbidden());
		this.mvc.perform(as("wsjk-manager", post("/plans/{id}/publish", plan)))
			.andExpect(flash().attribute("refusal", "plan.refused.publish"));
		this.mvc.perform(as("wsjk-manager", post("/plans/{id}/approve", plan))).andExpect(flash().attribute("message", "plan.approved"));
		this.mvc.perform(get("/public/plans/{id}", plan)).andExpect(status().isNotFound());
		this.mvc.perform(as("wsjk-manager", post("/plans/{id}/publish", plan))).andExpect(flash().attribute("message", "plan.published"));
		assertThat(this.jdbc.queryForList("select action from audit_event where object_type = 'plan' and object_id = ? order by id",
				String.class, plan.toString())).containsExactly("plan.create", "plan.entry.add", "plan.submit", "plan.approve",
						"plan.publish");

		String notice = this.mvc.perform(get("/public/plans/{id}", plan)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(notice).contains("卫健委流程测试计划", "游泳场所卫生抽查", "WSJK-001");

		// the task form starts from the entry and its plan
		assertThat(page("wsjk-officer", "/tasks/from-entry/{id}", entry)).contains("《卫健委流程测试计划》", "WSJK-001 公共场所卫生监督检查",
				"每户检查对象共派执法检查人员2人", thisYear() + "-04-01");
		this.mvc.perform(as("wsjk-officer", post("/tasks/from-entry/{id}", entry)).param("name", "")
			.param("scheduleFrom", thisYear() + "-04-10")
			.param("scheduleTo", thisYear() + "-05-31")).andExpect(status().isOk());
		this.mvc.perform(as("wsjk-officer", post("/tasks/from-entry/{id}", entry)).param("name", "游泳场所卫生抽查任务")
			.param("basis", "《卫健委流程测试计划》")
			.param("targets", "住宿和餐饮业公共场所")
			.param("content", "公共场所卫生")
			.param("scheduleFrom", thisYear() + "-04-10")
			.param("scheduleTo", thisYear() + "-05-31"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "task.created"));
		Long task = this.jdbc.queryForObject("select id from task where plan_entry_id = ?", Long.class, entry);
		String code = this.jdbc.queryForObject("select code from task where id = ?", String.class, task);
		assertThat(code).matches("鄂卫健抽〔" + thisYear() + "〕[0-9]+号");
		assertThat(this.jdbc.queryForObject("select state from task where id = ?", String.class, task)).isEqualTo("CREATED");
		assertThat(page("wsjk-officer", "/tasks/{id}/notice", task)).contains(code, "关于开展“游泳场所卫生抽查任务”双随机抽查的通知",
				"鄂尔多斯市卫生健康委员会");
		this.mvc.perform(as("scjg-officer1", get("/tasks/{id}", task))).andExpect(status().isNotFound());
		assertThat(this.mvc.perform(get("/public/tasks")).andReturn().getResponse().getContentAsString()).contains(code);

		// the plan fixes how often: a second task of the same entry is refused with the reason
		this.mvc.perform(as("wsjk-officer", get("/tasks/from-entry/{id}", entry)))
			.andExpect(flash().attribute("refusal", "task.refused.entryHasTask"));
	}

	@Test
	void thePreviewCountsTheRegistryPerCreditClassAsTheFiltersSay() throws Exception {
		String html = page("scjg-officer1", "/plans/preview?scopeIndustries=H&scopeStatuses=ACTIVE&rateA=10&countD=2&rounding=CEILING");
		long a = this.jdbc.queryForObject(
				"select count(*) from target where industry_section_code = 'H' and status = 'ACTIVE' and credit_class = 'A'",
				Long.class);
		long all = this.jdbc.queryForObject(
				"select count(*) from target where industry_section_code = 'H' and status = 'ACTIVE'", Long.class);
		assertThat(a).isPositive();
		assertThat(html).contains(">" + String.format("%,d", all) + "<");
		assertThat(html).containsPattern("preview-A[\\s\\S]*?>" + String.format("%,d", a) + "<[\\s\\S]*?>"
				+ String.format("%,d", (a + 9) / 10) + "<");
		String bad = page("scjg-officer1", "/plans/preview?rateA=x");
		assertThat(bad).contains("比例须为大于0");
	}

}
