package org.doublerandom.inspection.item.web;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Item lists through the real pages on a real database. Other test classes share the demo data, so these
 * flows work on the health commission's list (WSJK) and leave the market-regulation bureau's draft alone.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class ItemListFlowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.users.loadUserByUsername(username))).with(csrf());
	}

	Long list(String departmentCode, String status) {
		return this.jdbc.query("""
				select l.id from item_list l join department d on d.id = l.department_id
				where d.code = ? and not l.joint and l.status = ?""", (rs, n) -> rs.getLong(1), departmentCode, status)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** WSJK's draft, started by its manager if there is none. */
	Long wsjkDraft() throws Exception {
		if (list("WSJK", "DRAFT") == null) {
			this.mvc.perform(as("wsjk-manager", post("/items/drafts")).param("changeNote", "测试修订"))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("message", "item.list.started"));
		}
		return list("WSJK", "DRAFT");
	}

	MockHttpServletRequestBuilder newItem(String username, Long listId, String code, String name) {
		return as(username, post("/items/lists/{id}/items/new", listId)).param("code", code)
			.param("name", name)
			.param("legalBasis", "《公共场所卫生管理条例》")
			.param("inspectingDepartment", "市卫生健康综合行政执法支队")
			.param("category", "GENERAL")
			.param("sortOrder", "90")
			.param("targetKinds", "ENTERPRISE", "SITE")
			.param("methods", "ON_SITE")
			.param("checkpoints", "卫生许可证\r\n\r\n健康合格证明\r\n");
	}

	@Test
	void aManagerRevisesTheDepartmentListAndPublishesItSupersedingThePreviousVersion() throws Exception {
		Long published = list("WSJK", "PUBLISHED");
		Long draft = wsjkDraft();
		String code = "T-" + System.nanoTime() % 100000;
		this.mvc.perform(newItem("wsjk-manager", draft, code, "游泳场所卫生检查"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "item.added"));
		assertThat(this.jdbc.queryForList("""
				select c.text from inspection_item_checkpoint c join inspection_item i on i.id = c.inspection_item_id
				where i.code = ? order by c.position""", String.class, code)).containsExactly("卫生许可证", "健康合格证明");

		this.mvc.perform(as("wsjk-manager", post("/items/lists/{id}/publish", draft)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "item.list.published"));
		assertThat(statusOf(draft)).isEqualTo("PUBLISHED");
		assertThat(statusOf(published)).isEqualTo("SUPERSEDED");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'item.list.publish' and actor = 'wsjk-manager' and object_id = ?",
				Long.class, draft.toString())).isEqualTo(1);

		String page = this.mvc.perform(as("wsjk-officer", get("/items/lists/{id}", published)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("已废止", "版本历史");
	}

	@Test
	void anOfficerCannotPublishAndTheDraftStaysADraft() throws Exception {
		Long draft = list("SCJG", "DRAFT");
		this.mvc.perform(as("scjg-officer1", post("/items/lists/{id}/publish", draft))).andExpect(status().isForbidden());
		assertThat(statusOf(draft)).isEqualTo("DRAFT");
	}

	@Test
	void aDepartmentCannotChangeAnotherDepartmentsDraft() throws Exception {
		Long draft = list("SCJG", "DRAFT");
		Long itemId = this.jdbc.queryForObject("select min(id) from inspection_item where item_list_id = ?", Long.class,
				draft);
		this.mvc.perform(newItem("wsjk-manager", draft, "X-1", "越权新增")).andExpect(status().isNotFound());
		this.mvc.perform(as("wsjk-manager", post("/items/entries/{id}/delete", itemId))).andExpect(status().isNotFound());
		this.mvc.perform(as("sthj-officer", get("/items/lists/{id}", draft))).andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("select count(*) from inspection_item where code = 'X-1'", Long.class)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from inspection_item where id = ?", Long.class, itemId))
			.isEqualTo(1);
	}

	@Test
	void aDepartmentCannotChangeAnotherDepartmentsPublishedList() throws Exception {
		Long published = list("SCJG", "PUBLISHED");
		this.mvc.perform(as("wsjk-manager", post("/items/lists/{id}/publish", published)))
			.andExpect(status().isForbidden());
		this.mvc.perform(as("sthj-officer", get("/items/lists/{id}/items/new", published)))
			.andExpect(status().isForbidden());
	}

	@Test
	void badInputIsShownAtItsFieldInChinese() throws Exception {
		Long draft = list("SCJG", "DRAFT");
		String page = this.mvc
			.perform(as("scjg-officer1", post("/items/lists/{id}/items/new", draft)).param("code", "坏 编号")
				.param("name", "")
				.param("category", "KEY"))
			.andExpect(status().isOk())
			.andExpect(view().name("item/item-form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "Pattern"))
			.andExpect(model().attributeHasFieldErrorCode("form", "targetKinds", "NotEmpty"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("此项必填。", "请至少选择一类抽查对象。", "事项编号只能包含字母");
	}

	@Test
	void aDuplicateCodeIsRefusedOnTheCodeField() throws Exception {
		Long draft = list("SCJG", "DRAFT");
		String existing = this.jdbc.queryForObject("select min(code) from inspection_item where item_list_id = ?",
				String.class, draft);
		String page = this.mvc.perform(newItem("scjg-officer1", draft, existing, "重复编号"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "item.refused.codeTaken"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("此版本中已有编号为 " + existing + " 的事项。");
	}

	@Test
	void aNameWithMarkupComesBackEscaped() throws Exception {
		Long draft = wsjkDraft();
		String code = "XSS-" + System.nanoTime() % 100000;
		this.mvc.perform(newItem("wsjk-officer", draft, code, "<script>alert('x')</script>检查"))
			.andExpect(status().is3xxRedirection());
		String page = this.mvc.perform(as("wsjk-officer", get("/items/lists/{id}", draft)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;检查").doesNotContain("<script>alert");
	}

	@Test
	void theOverviewShowsTheListsWithTheirStatusAndTheDraftDeadline() throws Exception {
		String page = this.mvc.perform(as("scjg-officer1", get("/items")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("鄂尔多斯市市场监督管理局", "部门联合抽查事项清单", "草稿", "已公布", "时限10个工作日");
	}

	@Test
	void theBureauCompilesABookletFromPublishedItemsAndOthersOnlyReadIt() throws Exception {
		Long scjg = this.jdbc.queryForObject("select id from department where code = 'SCJG'", Long.class);
		String name = "测试册-" + System.nanoTime() % 100000;
		this.mvc.perform(as("bureau", post("/items/booklets/new")).param("name", name)
			.param("industrySection", "H")
			.param("itemKeys", scjg + ":D:SCJG-002"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "item.booklet.created"));
		Long id = this.jdbc.queryForObject("select id from item_booklet where name = ?", Long.class, name);
		this.mvc.perform(as("scjg-officer1", get("/items/booklets/{id}", id))).andExpect(status().isNotFound());
		this.mvc.perform(as("scjg-manager", post("/items/booklets/{id}/publish", id))).andExpect(status().isForbidden());
		this.mvc.perform(as("bureau", post("/items/booklets/{id}/publish", id)))
			.andExpect(flash().attribute("message", "item.booklet.published"));
		String page = this.mvc.perform(as("scjg-officer1", get("/items/booklets/{id}", id)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("食品经营许可检查", "住宿和餐饮业");
	}

	String statusOf(Long listId) {
		return this.jdbc.queryForObject("select status from item_list where id = ?", String.class, listId);
	}

}
