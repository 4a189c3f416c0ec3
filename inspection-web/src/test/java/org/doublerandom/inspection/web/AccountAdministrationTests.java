package org.doublerandom.inspection.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The account lifecycle under 三员分立, through the real pages on a real database. */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class AccountAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aWeakInitialPasswordIsRefusedOnItsFieldInChineseAndNothingIsCreated() throws Exception {
		var result = this.mvc
			.perform(post("/admin/accounts/new").with(csrf())
				.with(user(this.users.loadUserByUsername("sysadmin")))
				.param("username", "weak.one")
				.param("displayName", "测试")
				.param("initialPassword", "short"))
			.andExpect(status().isOk())
			.andExpect(view().name("account/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "initialPassword", "password.tooShort"))
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).contains("密码至少需要 12 位。");
		assertThat(count("select count(*) from user_account where username = 'weak.one'")).isZero();
	}

	@Test
	void aNewAccountMustChangeItsPasswordBeforeDoingAnythingElse() throws Exception {
		this.mvc
			.perform(post("/admin/accounts/new").with(csrf())
				.with(user(this.users.loadUserByUsername("sysadmin")))
				.param("username", "new.officer")
				.param("displayName", "测试·新检查员")
				.param("departmentId", departmentId("WSJK").toString())
				.param("initialPassword", "Initial-Pass-2026"))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(flash().attribute("message", "account.created"));
		assertThat(count("""
				select count(*) from audit_event where action = 'account.create' and actor = 'sysadmin'
				and detail = 'new.officer'""")).isEqualTo(1);

		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin().user("new.officer").password("Initial-Pass-2026"))
			.andExpect(redirectedUrl("/home"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/account/password"));

		this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", "Initial-Pass-2026")
				.param("newPassword", "Chosen-By-Me-2026")
				.param("confirmPassword", "Chosen-By-Me-2026"))
			.andExpect(redirectedUrl("/home"));
		this.mvc.perform(get("/home").session(session)).andExpect(status().isOk());
		assertThat(count("select count(*) from user_account where username = 'new.officer' and not must_change_password"))
			.isEqualTo(1);
	}

	@Test
	void theSecurityAdministratorCannotGiveAnAdministratorASecondAdministratorRole() throws Exception {
		Long auditAdmin = accountId("auditadmin");
		this.mvc
			.perform(post("/admin/accounts/{id}/roles", auditAdmin).with(csrf())
				.with(user(this.users.loadUserByUsername("secadmin")))
				.param("role", "SYS_ADMIN")
				.param("granted", "true"))
			.andExpect(flash().attribute("error", "role.refused.secondAdministratorRole"));
		assertThat(count("select count(*) from user_account_role where user_account_id = " + auditAdmin))
			.isEqualTo(1);
	}

	@Test
	void nobodyGrantsRolesToThemselves() throws Exception {
		this.mvc
			.perform(post("/admin/accounts/{id}/roles", accountId("secadmin")).with(csrf())
				.with(user(this.users.loadUserByUsername("secadmin")))
				.param("role", "OFFICER")
				.param("granted", "true"))
			.andExpect(flash().attribute("error", "role.refused.self"));
	}

	@Test
	void grantingABusinessRoleIsAuditedWithWhoDidIt() throws Exception {
		Long officer = accountId("sthj-officer");
		this.mvc
			.perform(post("/admin/accounts/{id}/roles", officer).with(csrf())
				.with(user(this.users.loadUserByUsername("secadmin")))
				.param("role", "DEPT_MANAGER")
				.param("granted", "true"))
			.andExpect(flash().attribute("message", "role.granted"));
		assertThat(count("select count(*) from audit_event where action = 'role.grant' and actor = 'secadmin'"
				+ " and object_id = '" + officer + "'")).isEqualTo(1);
		this.mvc.perform(post("/admin/accounts/{id}/roles", officer).with(csrf())
			.with(user(this.users.loadUserByUsername("secadmin")))
			.param("role", "DEPT_MANAGER")
			.param("granted", "false"));
	}

	@Test
	void aFailedSignInIsAuditedAndAnsweredWithoutSayingWhy() throws Exception {
		long before = count("select count(*) from audit_event where action = 'auth.signIn' and outcome = 'FAILURE'");
		this.mvc.perform(formLogin().user("no-such-user").password("whatever")).andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(formLogin().user("bureau").password("wrong-password"))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(count("select count(*) from audit_event where action = 'auth.signIn' and outcome = 'FAILURE'"))
			.isEqualTo(before + 2);
	}

	@Test
	void theNamesOfTheSystemActorsCannotBeTaken() throws Exception {
		this.mvc
			.perform(post("/admin/accounts/new").with(csrf())
				.with(user(this.users.loadUserByUsername("sysadmin")))
				.param("username", "system")
				.param("displayName", "冒充")
				.param("initialPassword", "Initial-Pass-2026"))
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "account.username.reserved"));
	}

	@Test
	void aResetPasswordWorksOnceAndMustThenBeChanged() throws Exception {
		Long officer = accountId("scjg-officer2");
		var flashed = this.mvc
			.perform(post("/admin/accounts/{id}/password-reset", officer).with(csrf())
				.with(user(this.users.loadUserByUsername("sysadmin"))))
			.andExpect(flash().attribute("message", "password.reset.done"))
			.andReturn()
			.getFlashMap()
			.get("messageArgs");
		String oneTime = (String) ((Object[]) flashed)[1];
		this.mvc.perform(formLogin().user("scjg-officer2").password("Ordos-Demo-2026"))
			.andExpect(redirectedUrl("/login?error"));
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin().user("scjg-officer2").password(oneTime))
			.andExpect(redirectedUrl("/home"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/vocabulary").session(session)).andExpect(redirectedUrl("/account/password"));
		assertThat(count("select count(*) from audit_event where action = 'password.reset' and object_id = '" + officer
				+ "'")).isEqualTo(1);
	}

	@Test
	void aRefusedRequestIsAudited() throws Exception {
		long before = count("select count(*) from audit_event where action = 'access.denied' and actor = 'wsjk-officer'");
		this.mvc.perform(get("/admin/audit").with(user(this.users.loadUserByUsername("wsjk-officer"))))
			.andExpect(status().isForbidden());
		assertThat(count("select count(*) from audit_event where action = 'access.denied' and actor = 'wsjk-officer'"))
			.isEqualTo(before + 1);
	}

	private Long accountId(String username) {
		return this.jdbc.queryForObject("select id from user_account where username = ?", Long.class, username);
	}

	private Long departmentId(String code) {
		return this.jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

}
