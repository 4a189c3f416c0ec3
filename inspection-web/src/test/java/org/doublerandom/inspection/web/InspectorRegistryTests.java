package org.doublerandom.inspection.web;

import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** 执法检查人员名录库 through the real pages on a real database, with the demo registries loaded. */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class InspectorRegistryTests {

	static final Pattern FULL_MOBILE = Pattern.compile("1[3-9][0-9]{9}");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aFormWithMistakesIsShownAgainWithEachErrorAtItsFieldInChineseAndNothingIsCreated() throws Exception {
		long before = count("select count(*) from inspector");
		String html = this.mvc
			.perform(post("/registry/inspectors/new").with(csrf())
				.with(as("scjg-manager"))
				.param("name", " ")
				.param("kind", "OFFICER")
				.param("regionCode", "150600")
				.param("phone", "0477-12345"))
			.andExpect(status().isOk())
			.andExpect(view().name("inspector/form"))
			.andExpect(model().attributeHasFieldErrorCode("inspectorForm", "name", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("inspectorForm", "phone", "Pattern"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var page = Jsoup.parse(html);
		assertThat(page.select("#name + .invalid-feedback, #name ~ .invalid-feedback").text()).isEqualTo("此项必填。");
		assertThat(html).contains("请填写 11 位手机号。");
		assertThat(count("select count(*) from inspector")).isEqualTo(before);
	}

	@Test
	void aNewPersonJoinsTheActorsOwnDepartmentAndTheAuditSaysWhatWasRecordedWithThePhoneMasked() throws Exception {
		String location = this.mvc
			.perform(post("/registry/inspectors/new").with(csrf())
				.with(as("scjg-officer1"))
				.param("name", "测试·新检查员")
				.param("kind", "OFFICER")
				.param("regionCode", "150600")
				.param("phone", "13912345678")
				.param("expertise", "食品安全、计量"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "inspector.created"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.jdbc.queryForObject("select d.code from inspector i join department d on d.id = i.department_id where i.id = ?",
				String.class, id)).isEqualTo("SCJG");
		String detail = this.jdbc.queryForObject(
				"select detail from audit_event where action = 'inspector.create' and object_id = ?", String.class,
				String.valueOf(id));
		assertThat(detail).contains("测试·新检查员", "139****5678", "食品安全").doesNotContain("13912345678");

		String page = this.mvc.perform(get(location).with(as("scjg-officer1")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("139****5678", "新增检查人员").doesNotContain("13912345678");
	}

	@Test
	void aDepartmentNeitherSeesNorChangesAnotherDepartmentsInspectors() throws Exception {
		long scjgInspector = firstDemoInspector("SCJG");
		this.mvc.perform(get("/registry/inspectors/{id}", scjgInspector).with(as("wsjk-manager")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/registry/inspectors/{id}/edit", scjgInspector).with(as("wsjk-manager")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/registry/inspectors/{id}/edit", scjgInspector).with(csrf())
				.with(as("wsjk-officer"))
				.param("name", "篡改")
				.param("kind", "OFFICER")
				.param("regionCode", "150600")
				.param("version", "0"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/registry/inspectors/{id}/items", scjgInspector).with(csrf())
				.with(as("wsjk-officer"))
				.param("codes", "WSJK-001"))
			.andExpect(status().isNotFound());
		assertThat(count("select count(*) from inspector where name = '篡改'")).isZero();

		String html = this.mvc
			.perform(get("/registry/inspectors").param("department", String.valueOf(departmentId("SCJG")))
				.with(as("wsjk-manager")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Long> shown = idsOnPage(html);
		assertThat(shown).isNotEmpty();
		assertThat(shown).allSatisfy(id -> assertThat(departmentOf(id)).isEqualTo("WSJK"));
	}

	@Test
	void theBureauReadsEveryDepartmentButChangesOnlyItsOwn() throws Exception {
		long wsjkInspector = firstDemoInspector("WSJK");
		String html = this.mvc
			.perform(get("/registry/inspectors").param("department", String.valueOf(departmentId("WSJK")))
				.with(as("bureau")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(idsOnPage(html)).contains(wsjkInspector)
			.allSatisfy(id -> assertThat(departmentOf(id)).isEqualTo("WSJK"));
		String detail = this.mvc.perform(get("/registry/inspectors/{id}", wsjkInspector).with(as("bureau")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(detail).select("#edit-inspector, #certificate-form")).isEmpty();
		this.mvc
			.perform(post("/registry/inspectors/{id}/items", wsjkInspector).with(csrf())
				.with(as("bureau"))
				.param("codes", "SCJG-001"))
			.andExpect(status().isForbidden());
	}

	@Test
	void phoneNumbersNeverAppearUnmaskedInTheList() throws Exception {
		assertThat(count("select count(*) from inspector where phone is not null")).isPositive();
		for (int page = 0; page < 4; page++) {
			String html = this.mvc.perform(get("/registry/inspectors").param("page", String.valueOf(page))
				.with(as("bureau"))).andReturn().getResponse().getContentAsString();
			assertThat(FULL_MOBILE.matcher(html).find()).as("page %d shows a full mobile number", page).isFalse();
			if (page == 0) {
				assertThat(Jsoup.parse(html).select("td.phone").text()).contains("****");
			}
		}
	}

	@Test
	void markupInANameIsShownAsTextNeverRun() throws Exception {
		this.mvc
			.perform(post("/registry/inspectors/new").with(csrf())
				.with(as("scjg-manager"))
				.param("name", "<script>alert('x')</script>")
				.param("kind", "EXPERT")
				.param("regionCode", "150600"))
			.andExpect(status().is3xxRedirection());
		String html = this.mvc.perform(get("/registry/inspectors").param("q", "script").with(as("scjg-manager")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
	}

	@Test
	void anOfficerWithAnExpiredCertificateIsShownAsIneligible() throws Exception {
		long expired = this.jdbc.queryForObject("""
				select min(i.id) from inspector i join department d on d.id = i.department_id
				where d.code = 'SCJG' and i.kind = 'OFFICER'
				  and exists (select 1 from inspector_certificate c where c.inspector_id = i.id and c.kind = 'ENFORCEMENT')
				  and not exists (select 1 from inspector_certificate c where c.inspector_id = i.id
				                  and c.kind = 'ENFORCEMENT' and c.valid_until >= current_date)""", Long.class);
		String html = this.mvc.perform(get("/registry/inspectors").param("certificate", "EXPIRED")
			.with(as("scjg-officer1"))).andReturn().getResponse().getContentAsString();
		var row = Jsoup.parse(html).selectFirst("tr[data-inspector-id=" + expired + "]");
		assertThat(row).isNotNull();
		assertThat(row.select("td.eligibility").text()).contains("证件已过期").doesNotContain("可抽取");
		String detail = this.mvc.perform(get("/registry/inspectors/{id}", expired).with(as("scjg-officer1")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(detail).select("#eligibility").text()).contains("证件已过期");
	}

	@Test
	void htmxGetsOnlyTheResultsTableAndPlainRequestsTheWholePage() throws Exception {
		String partial = this.mvc.perform(get("/registry/inspectors").param("kind", "EXPERT")
			.header("HX-Request", "true")
			.with(as("scjg-manager"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(partial).doesNotContain("<html", "inspector-filters").contains("id=\"inspectors\"");
		String whole = this.mvc.perform(get("/registry/inspectors").param("kind", "EXPERT").with(as("scjg-manager")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(whole).contains("<html", "inspector-filters", "id=\"inspectors\"");
	}

	@Test
	void aConflictIsDeclaredByTheTargetsCodeAndAnUnknownCodeIsRefusedAtTheField() throws Exception {
		long inspector = createdBy("scjg-manager", "测试·回避检查员");
		this.jdbc.update("""
				insert into target (kind, code_type, code, name, region_code, created_at, updated_at)
				values ('ENTERPRISE', 'USCC', '91150600MA0N0TE9Q1', '测试·回避对象有限公司', '150600', now(), now())
				on conflict do nothing""");
		this.mvc
			.perform(post("/registry/inspectors/{id}/conflicts", inspector).with(csrf())
				.with(as("scjg-manager"))
				.param("targetCode", "NO-SUCH-TARGET")
				.param("reason", "近亲属在该企业任职"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("conflictForm", "targetCode", "inspector.conflict.target.unknown"));
		this.mvc
			.perform(post("/registry/inspectors/{id}/conflicts", inspector).with(csrf())
				.with(as("scjg-manager"))
				.param("targetCode", "91150600MA0N0TE9Q1")
				.param("reason", "近亲属在该企业任职"))
			.andExpect(flash().attribute("message", "inspector.conflict.declared"));
		String detail = this.mvc.perform(get("/registry/inspectors/{id}", inspector).with(as("scjg-manager")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(detail).select("#conflicts").text()).contains("测试·回避对象有限公司", "近亲属在该企业任职");
		assertThat(count("select count(*) from audit_event where action = 'inspector.conflict.declare' and object_id = '"
				+ inspector + "'")).isEqualTo(1);
	}

	@Test
	void anEditMadeFromAStaleFormIsRefusedInsteadOfOverwritingSomeoneElsesChange() throws Exception {
		long inspector = createdBy("scjg-manager", "测试·并发检查员");
		long version = count("select version from inspector where id = " + inspector);
		this.mvc
			.perform(post("/registry/inspectors/{id}/edit", inspector).with(csrf())
				.with(as("scjg-manager"))
				.param("name", "测试·并发检查员")
				.param("kind", "OFFICER")
				.param("regionCode", "150600")
				.param("status", "ON_LEAVE")
				.param("version", String.valueOf(version)))
			.andExpect(flash().attribute("message", "inspector.saved"));
		this.mvc
			.perform(post("/registry/inspectors/{id}/edit", inspector).with(csrf())
				.with(as("scjg-officer1"))
				.param("name", "测试·并发检查员")
				.param("kind", "OFFICER")
				.param("regionCode", "150600")
				.param("status", "LEFT")
				.param("version", String.valueOf(version)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("inspectorForm"));
		assertThat(this.jdbc.queryForObject("select status from inspector where id = ?", String.class, inspector))
			.isEqualTo("ON_LEAVE");
		assertThat(this.jdbc.queryForObject(
				"select detail from audit_event where action = 'inspector.edit' and object_id = ?", String.class,
				String.valueOf(inspector))).contains("status: ACTIVE → ON_LEAVE");
	}

	private long createdBy(String username, String name) throws Exception {
		String location = this.mvc
			.perform(post("/registry/inspectors/new").with(csrf())
				.with(as(username))
				.param("name", name)
				.param("kind", "OFFICER")
				.param("regionCode", "150600"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		UserDetails details = this.users.loadUserByUsername(username);
		return user(details);
	}

	private static List<Long> idsOnPage(String html) {
		return Jsoup.parse(html)
			.select("tr[data-inspector-id]")
			.stream()
			.map(row -> Long.valueOf(row.attr("data-inspector-id")))
			.toList();
	}

	private long firstDemoInspector(String departmentCode) {
		return this.jdbc.queryForObject("""
				select min(i.id) from inspector i join department d on d.id = i.department_id
				where d.code = ? and i.name like '演示·%'""", Long.class, departmentCode);
	}

	private String departmentOf(long inspectorId) {
		return this.jdbc.queryForObject(
				"select d.code from inspector i join department d on d.id = i.department_id where i.id = ?", String.class,
				inspectorId);
	}

	private Long departmentId(String code) {
		return this.jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

}
