package org.doublerandom.inspection.target.web;

import java.util.List;
import java.util.regex.Pattern;

import org.doublerandom.inspection.target.TargetPage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The target registry's pages on the demo data: department scope, checks at the field, history. */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class TargetRegistryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	long inRegistryOf(String department) {
		return this.jdbc.queryForObject("select count(*) from target_department d join department p on p.id = d.department_id "
				+ "where p.code = ?", Long.class, department);
	}

	@Test
	void anOfficerSeesTheRegistryOfTheirOwnDepartmentOnly() throws Exception {
		String page = this.mvc.perform(get("/registry/targets").with(as("wsjk-officer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("共 " + String.format("%,d", inRegistryOf("WSJK")) + " 个检查对象");
		String bureau = this.mvc.perform(get("/registry/targets").with(as("bureau")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long all = this.jdbc.queryForObject("select count(*) from target", Long.class);
		assertThat(all).isGreaterThan(inRegistryOf("WSJK"));
		assertThat(bureau).contains((all > TargetPage.COUNT_CAP) ? "超过 " + String.format("%,d", TargetPage.COUNT_CAP) + " 个检查对象"
				: "共 " + String.format("%,d", all) + " 个检查对象");
	}

	@Test
	void aTwoCharacterTradeNameFindsEveryTargetWhoseNameHoldsIt() throws Exception {
		long expected = this.jdbc.queryForObject("select count(*) from target where name like '%华润%'", Long.class);
		assertThat(expected).isPositive().isLessThan(TargetPage.COUNT_CAP);
		String page = this.mvc.perform(get("/registry/targets").param("q", "华润").with(as("bureau")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("共 " + expected + " 个检查对象");
	}

	@Test
	void aWordInThousandsOfNamesStillListsAFullPageOfMatchingNames() throws Exception {
		String page = this.mvc.perform(get("/registry/targets").param("q", "演示").with(as("bureau")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("超过 " + String.format("%,d", TargetPage.COUNT_CAP) + " 个检查对象");
		var names = Pattern.compile("<a href=\"/registry/targets/\\d+\">([^<]+)</a>").matcher(page)
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(names).hasSize(20).allSatisfy(name -> assertThat(name).contains("演示"));
	}

	@Test
	void aWordTheStatisticsKnowToBeInMostNamesIsScannedForAndStillListedInNameOrder() throws Exception {
		// after ANALYZE the planner estimates 演示 in most names, so the search takes its scanning path
		this.jdbc.execute("analyze target");
		for (String user : List.of("bureau", "scjg-officer1")) {
			String page = this.mvc.perform(get("/registry/targets").param("q", "演示").param("page", "2").with(as(user)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("超过 " + String.format("%,d", TargetPage.COUNT_CAP) + " 个检查对象");
			var names = Pattern.compile("<a href=\"/registry/targets/\\d+\">([^<]+)</a>").matcher(page)
				.results()
				.map(m -> m.group(1))
				.toList();
			assertThat(names).hasSize(20).allSatisfy(name -> assertThat(name).contains("演示"));
			if (user.equals("bureau")) {
				assertThat(names).isEqualTo(this.jdbc.queryForList(
						"select name from target where name like '%演示%' order by name, id offset 40 limit 20", String.class));
			}
		}
	}

	@Test
	void theDetailPageShowsWhenEachDepartmentLastInspectedTheTargetForAnItem() throws Exception {
		Long id = this.jdbc.queryForObject("select min(target_id) from target_department d join department p "
				+ "on p.id = d.department_id where p.code = 'WSJK'", Long.class);
		this.jdbc.update("insert into target_item_inspection (target_id, department_id, item_code, last_inspected_on) "
				+ "select ?, id, 'WSJK-001', date '2026-05-20' from department where code = 'WSJK' on conflict do nothing", id);
		String page = this.mvc.perform(get("/registry/targets/{id}", id).with(as("wsjk-officer")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("最近检查日期", "WSJK-001", "2026-05-20");
	}

	@Test
	void aTargetOutsideTheDepartmentsRegistryIsNotFoundForItsOfficers() throws Exception {
		Long notHealth = this.jdbc.queryForObject("""
				select t.id from target t where not exists (select 1 from target_department d join department p
				on p.id = d.department_id where d.target_id = t.id and p.code = 'WSJK') order by t.id limit 1""", Long.class);
		this.mvc.perform(get("/registry/targets/{id}", notHealth).with(as("wsjk-officer"))).andExpect(status().isNotFound());
		this.mvc.perform(post("/registry/targets/{id}/edit", notHealth).with(csrf()).with(as("wsjk-officer"))
			.param("kind", "ENTERPRISE").param("name", "改名").param("regionCode", "150602").param("status", "ACTIVE"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/registry/targets/{id}", notHealth).with(as("bureau"))).andExpect(status().isOk());
	}

	@Test
	void aWrongCheckCharacterIsRefusedAtTheCodeFieldNamingTheRightOne() throws Exception {
		String page = this.mvc
			.perform(post("/registry/targets/new").with(csrf())
				.with(as("scjg-officer1"))
				.param("kind", "ENTERPRISE")
				.param("code", "91350100M000100Y44")
				.param("name", "演示·测试有限公司")
				.param("regionCode", "150602")
				.param("status", "ACTIVE"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "target.code.CHECK_CHARACTER"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("校验位错误，按 GB 32100 计算应为“3”");
	}

	@Test
	void aCodeAlreadyInTheRegistryIsOfferedForLinkingInsteadOfDuplicated() throws Exception {
		String existing = this.jdbc.queryForObject("select code from target where code_type = 'USCC' order by id limit 1",
				String.class);
		this.mvc
			.perform(post("/registry/targets/new").with(csrf())
				.with(as("sthj-officer"))
				.param("kind", "ENTERPRISE")
				.param("code", existing.toLowerCase())
				.param("name", "重复")
				.param("regionCode", "150602")
				.param("status", "ACTIVE"))
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "target.code.exists"))
			.andExpect(model().attributeExists("existingId"));
	}

	@Test
	void aNewTargetJoinsTheDepartmentsRegistryAndItsChangesAppearInTheHistoryEscaped() throws Exception {
		String first17 = "92150627MA9TQW001";
		String code = first17 + org.doublerandom.inspection.target.UnifiedSocialCreditCode.checkCharacter(first17);
		String location = this.mvc
			.perform(post("/registry/targets/new").with(csrf())
				.with(as("sthj-officer"))
				.param("kind", "INDIVIDUAL_BUSINESS")
				.param("code", code)
				.param("name", "演示·测试加油站")
				.param("regionCode", "150627")
				.param("industryDivisionCode", "52")
				.param("status", "ACTIVE")
				.param("tags", "危化品，加油站"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(post(location + "/edit").with(csrf())
			.with(as("sthj-officer"))
			.param("kind", "INDIVIDUAL_BUSINESS")
			.param("name", "<script>alert('x')</script>")
			.param("regionCode", "150627")
			.param("industryDivisionCode", "52")
			.param("status", "ACTIVE")
			.param("creditClass", "C")
			.param("creditClassOn", "2026-06-30")).andExpect(status().is3xxRedirection());
		String detail = this.mvc.perform(get(location).with(as("sthj-officer")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain("<script>alert(")
			.contains("credit: null → C")
			.contains("生态环境局");
		assertThat(this.jdbc.queryForObject("select industry_section_code from target where code = ?", String.class, code))
			.isEqualTo("F");
	}

}
