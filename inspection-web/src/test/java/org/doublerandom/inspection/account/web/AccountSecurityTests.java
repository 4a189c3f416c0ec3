package org.doublerandom.inspection.account.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.doublerandom.inspection.account.AccountService;
import org.doublerandom.inspection.account.Base32;
import org.doublerandom.inspection.account.SecondFactorService;
import org.doublerandom.inspection.account.Totp;
import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.web.MockMvcSessionBridge;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accounts at 等保 level 3 through the real filter chain and pages on a real database: lockout, the one
 * generic message, the rate limit, password history and expiry, sessions, and the administrators' TOTP.
 * Every test signs in from its own client address, so the per-address rate limit of one test does not
 * throttle another, and uses its own accounts.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class AccountSecurityTests {

	static final String PASSWORD = "Lockout-Test-2026";

	static final AtomicInteger ADDRESSES = new AtomicInteger(10);

	static final AtomicInteger NAMES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService accounts;

	@Autowired
	SecondFactorService secondFactor;

	@Autowired
	UserDetailsService users;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Autowired
	PlatformTransactionManager transactions;

	final String address = "10.77.0." + ADDRESSES.incrementAndGet();

	// --- lockout and the generic message

	@Test
	void fiveFailuresWithinFifteenMinutesLockTheAccountSoEvenTheRightPasswordIsRefused() throws Exception {
		String name = account(false);
		for (int i = 0; i < 5; i++) {
			signIn(name, "Wrong-Password-" + i).andExpect(redirectedUrl("/login?error"));
		}
		signIn(name, PASSWORD).andExpect(redirectedUrl("/login?error"));
		assertThat(count("select count(*) from audit_event where action = 'account.lock' and detail like ?", name + " %"))
			.isEqualTo(1);
		assertThat(count("select count(*) from audit_event where action = 'auth.signIn' and outcome = 'FAILURE' and actor = ?",
				name)).isEqualTo(6);
	}

	@Test
	void fourFailuresDoNotLockAndASuccessfulSignInForgetsThem() throws Exception {
		String name = account(false);
		for (int i = 0; i < 4; i++) {
			signIn(name, "Wrong-Password-" + i);
		}
		signIn(name, PASSWORD).andExpect(redirectedUrl("/home"));
		for (int i = 0; i < 4; i++) {
			signIn(name, "Wrong-Password-" + i);
		}
		signIn(name, PASSWORD).andExpect(redirectedUrl("/home"));
	}

	@Test
	void failuresOlderThanTheWindowStartACountAfresh() throws Exception {
		String name = account(false);
		for (int i = 0; i < 4; i++) {
			signIn(name, "Wrong-Password-" + i);
		}
		this.jdbc.update("update sign_in_failure set window_started_at = now() - interval '16 minutes' "
				+ "where user_account_id = (select id from user_account where username = ?)", name);
		signIn(name, "Wrong-Password-x");
		signIn(name, PASSWORD).andExpect(redirectedUrl("/home"));
	}

	@Test
	void aLockEndsByItselfWhenItsTimeHasPassed() throws Exception {
		String name = account(false);
		for (int i = 0; i < 5; i++) {
			signIn(name, "Wrong-Password-" + i);
		}
		signIn(name, PASSWORD).andExpect(redirectedUrl("/login?error"));
		this.jdbc.update("update sign_in_failure set locked_until = now() - interval '1 second' "
				+ "where user_account_id = (select id from user_account where username = ?)", name);
		signIn(name, PASSWORD).andExpect(redirectedUrl("/home"));
	}

	@Test
	void anUnknownUserAWrongPasswordAndALockedAccountGetTheSameAnswer() throws Exception {
		String locked = account(false);
		for (int i = 0; i < 5; i++) {
			signIn(locked, "Wrong-Password-" + i);
		}
		String unknown = signIn("nobody-" + NAMES.incrementAndGet(), PASSWORD).andReturn()
			.getResponse()
			.getRedirectedUrl();
		String wrong = signIn(account(false), "Wrong-Password").andReturn().getResponse().getRedirectedUrl();
		String lockedRight = signIn(locked, PASSWORD).andReturn().getResponse().getRedirectedUrl();
		assertThat(unknown).isEqualTo(wrong).isEqualTo(lockedRight).isEqualTo("/login?error");
		String page = this.mvc.perform(get("/login").param("error", "")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("用户名或密码不正确，或账户不可用。").doesNotContain("锁定至").doesNotContain("不存在");
	}

	@Test
	void theSystemAdministratorLiftsALockAndTheUnlockIsAudited() throws Exception {
		String name = account(false);
		for (int i = 0; i < 5; i++) {
			signIn(name, "Wrong-Password-" + i);
		}
		this.mvc.perform(get("/admin/accounts").with(admin("sysadmin")))
			.andExpect(model().attribute("lockedIds", org.hamcrest.Matchers.hasItem(id(name))));
		this.mvc.perform(post("/admin/accounts/{id}/unlock", id(name)).with(csrf()).with(admin("sysadmin")))
			.andExpect(flash().attribute("message", "account.unlocked"));
		signIn(name, PASSWORD).andExpect(redirectedUrl("/home"));
		assertThat(count("select count(*) from audit_event where action = 'account.unlock' and actor = 'sysadmin' "
				+ "and detail = ?", name)).isEqualTo(1);
	}

	// --- rate limit

	@Test
	void oneClientAddressGetsTwentySignInAttemptsAMinuteThenA429Page() throws Exception {
		// the bucket refills one attempt every three seconds, so a few more may pass while the loop runs
		int passed = 0;
		MvcResult result = null;
		for (int i = 0; i < 40; i++) {
			result = signIn("nobody-" + NAMES.incrementAndGet(), PASSWORD).andReturn();
			if (result.getResponse().getStatus() != 302) {
				break;
			}
			passed++;
		}
		assertThat(passed).isBetween(20, 30);
		assertThat(result.getResponse().getStatus()).isEqualTo(429);
		assertThat(result.getResponse().getHeader("Retry-After")).isNotBlank();
		// another address is not affected
		this.mvc.perform(post("/login").with(csrf()).with(from("10.78.0.1")).param("username", "nobody")
				.param("password", PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theTooManyRequestsPageExplainsItInChinese() throws Exception {
		String page = this.mvc
			.perform(get("/error").requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 429)
				.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/login")
				.accept(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("请求过于频繁").contains("请稍等一分钟后再试");
	}

	// --- passwords

	@Test
	void aCommonPasswordWithDigitsAndSymbolsAddedIsRefusedOnItsField() throws Exception {
		String name = account(false);
		MockHttpSession session = signedIn(name);
		this.mvc.perform(changePassword(session, PASSWORD, "Password123!"))
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "password.common"));
	}

	@Test
	void noneOfTheLastFivePasswordsMayBeChosenAgain() throws Exception {
		String name = account(false);
		MockHttpSession session = signedIn(name);
		this.mvc.perform(changePassword(session, PASSWORD, "Second-Choice-2026")).andExpect(redirectedUrl("/home"));
		this.mvc.perform(changePassword(session, "Second-Choice-2026", "Third-Choice-2026"))
			.andExpect(redirectedUrl("/home"));
		var page = this.mvc.perform(changePassword(session, "Third-Choice-2026", PASSWORD))
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "password.reused"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("新密码不能与最近 5 次使用过的密码相同。");
		assertThat(count("select count(*) from password_history where user_account_id = ?", id(name))).isEqualTo(3);
	}

	@Test
	void anExpiredPasswordMustBeChangedBeforeAnythingElse() throws Exception {
		String name = account(false);
		this.jdbc.update("update user_account set password_changed_at = now() - interval '91 days' where username = ?",
				name);
		MockHttpSession session = signedIn(name);
		this.mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(changePassword(session, PASSWORD, "Renewed-Choice-2026")).andExpect(redirectedUrl("/home"));
		this.mvc.perform(get("/home").session(session)).andExpect(status().isOk());
	}

	// --- sessions

	@Test
	void signingInGivesANewSessionIdAndSigningOutNeedsAPost() throws Exception {
		String name = account(false);
		MockHttpSession browser = new MockHttpSession();
		// an anonymous visit opens a session (the page asked for is remembered)
		this.mvc.perform(get("/home").session(browser));
		String idBefore = MockMvcSessionBridge.id(browser);
		assertThat(idBefore).isNotNull();
		signIn(name, PASSWORD, browser);
		assertThat(MockMvcSessionBridge.id(browser)).isNotNull().isNotEqualTo(idBefore);
		assertThat(this.sessions.findById(idBefore)).isNull();

		this.mvc.perform(get("/logout").session(browser)).andExpect(status().isForbidden());
		this.mvc.perform(get("/home").session(browser)).andExpect(status().isOk());
		this.mvc.perform(post("/logout").with(csrf()).session(browser)).andExpect(redirectedUrl("/login?logout"));
		this.mvc.perform(get("/home").session(browser)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aSessionIsKeptInPostgresqlSoARestartedOrSecondInstanceReadsItBack() throws Exception {
		String name = account(false);
		String id = MockMvcSessionBridge.id(signedIn(name));
		assertThat(this.jdbc.queryForObject("select principal_name from spring_session where session_id = ?",
				String.class, id)).isEqualTo(name);
		// a repository with no memory of this process, as a restarted or second instance has
		JdbcIndexedSessionRepository fresh = new JdbcIndexedSessionRepository(this.jdbc,
				new TransactionTemplate(this.transactions));
		Session read = fresh.findById(id);
		assertThat(read).isNotNull();
		SecurityContext context = read.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		assertThat(context.getAuthentication().getName()).isEqualTo(name);
		assertThat(fresh.findByPrincipalName(name)).containsOnlyKeys(id);
	}

	@Test
	void staffSessionsIdleThirtyMinutesAndAdministratorsFifteen() throws Exception {
		assertThat(stored(signedIn(account(false))).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
		assertThat(stored(pending(account(true))).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void usersSeeTheirOwnSessionsAndEndAnotherOne() throws Exception {
		String name = account(false);
		MockHttpSession office = signedIn(name);
		MockHttpSession other = signedIn(name);
		String page = this.mvc.perform(get("/account/sessions").session(office))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(this.address).contains("当前会话").contains("MockMvc-Test-Agent");
		assertThat(page.split("class=\"btn btn-outline-danger btn-sm end-session\"", -1)).hasSize(2);
		String otherHandle = handleOf(MockMvcSessionBridge.id(other));
		this.mvc.perform(post("/account/sessions/end").with(csrf()).session(office).param("handle", otherHandle))
			.andExpect(flash().attribute("message", "session.ended"));
		this.mvc.perform(get("/home").session(other)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/home").session(office)).andExpect(status().isOk());
	}

	@Test
	void nobodyEndsSomeoneElsesSessionByGuessingItsHandle() throws Exception {
		String victim = account(false);
		MockHttpSession victimSession = signedIn(victim);
		MockHttpSession attacker = signedIn(account(false));
		this.mvc.perform(post("/account/sessions/end").with(csrf()).session(attacker)
				.param("handle", handleOf(MockMvcSessionBridge.id(victimSession))))
			.andExpect(flash().attribute("error", "session.unknown"));
		this.mvc.perform(get("/home").session(victimSession)).andExpect(status().isOk());
	}

	@Test
	void disablingAnAccountEndsAllItsSessionsAtOnce() throws Exception {
		String name = account(false);
		MockHttpSession first = signedIn(name);
		MockHttpSession second = signedIn(name);
		this.mvc.perform(post("/admin/accounts/{id}/enabled", id(name)).with(csrf()).with(admin("sysadmin"))
				.param("enabled", "false"))
			.andExpect(flash().attribute("message", "account.disabled"));
		this.mvc.perform(get("/home").session(first)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/home").session(second)).andExpect(redirectedUrl("/login?expired"));
		signIn(name, PASSWORD).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void changingAnAccountsRolesEndsItsSessions() throws Exception {
		String name = account(false);
		this.jdbc.update("update user_account set department_id = (select id from department where code = 'SCJG') "
				+ "where username = ?", name);
		MockHttpSession session = signedIn(name);
		this.mvc.perform(post("/admin/accounts/{id}/roles", id(name)).with(csrf()).with(admin("secadmin"))
				.param("role", "OFFICER")
				.param("granted", "true"))
			.andExpect(flash().attribute("message", "role.granted"));
		this.mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/login?expired"));
	}

	// --- second factor

	@Test
	void anAdministratorReachesNoAdministratorPageWithThePasswordAlone() throws Exception {
		String admin = account(true);
		byte[] secret = Base32.decode("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
		provisionFactor(admin, secret);
		MockHttpSession session = pending(admin);
		this.mvc.perform(get("/admin/audit").session(session)).andExpect(redirectedUrl("/account/second-factor"));
		this.mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/account/second-factor"));
		this.mvc.perform(get("/account/second-factor").session(session)).andExpect(status().isOk());

		this.mvc.perform(code(session, "/account/second-factor", wrong(secret)))
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "totp.codeWrong"));
		this.mvc.perform(get("/admin/audit").session(session)).andExpect(redirectedUrl("/account/second-factor"));

		this.mvc.perform(code(session, "/account/second-factor", Totp.code(secret, Totp.step(Instant.now()))))
			.andExpect(redirectedUrl("/home"));
		this.mvc.perform(get("/admin/audit").session(session)).andExpect(status().isOk());
		assertThat(count("select count(*) from audit_event where action = 'auth.secondFactor' and actor = ?", admin))
			.isEqualTo(2);
	}

	@Test
	void aTotpCodeIsGoodOnlyOnce() throws Exception {
		String admin = account(true);
		byte[] secret = Base32.decode("KRUGS4ZANFZSAYJAOZSXE6JAONSWG4TF");
		provisionFactor(admin, secret);
		String code = Totp.code(secret, Totp.step(Instant.now()));
		MockHttpSession first = pending(admin);
		this.mvc.perform(code(first, "/account/second-factor", code)).andExpect(redirectedUrl("/home"));
		MockHttpSession second = pending(admin);
		this.mvc.perform(code(second, "/account/second-factor", code))
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "totp.codeWrong"));
	}

	@Test
	void wrongCodesCountTowardsTheLockAndTheLockEndsTheHalfSignedInSession() throws Exception {
		String admin = account(true);
		byte[] secret = Base32.decode("MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U");
		provisionFactor(admin, secret);
		MockHttpSession session = pending(admin);
		String id = MockMvcSessionBridge.id(session);
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(code(session, "/account/second-factor", wrong(secret)))
				.andExpect(model().attributeHasFieldErrorCode("form", "code", "totp.codeWrong"));
		}
		this.mvc.perform(code(session, "/account/second-factor", wrong(secret)))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(this.sessions.findById(id)).isNull();
		signIn(admin, PASSWORD).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void wrongCodesAtEnrolmentCountTowardsTheLockToo() throws Exception {
		String admin = account(true);
		MockHttpSession session = pending(admin);
		this.mvc.perform(get("/account/second-factor/enrol").session(session)).andExpect(status().isOk());
		byte[] secret = (byte[]) stored(session).getAttribute(SecondFactorController.ENROLLING);
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(code(session, "/account/second-factor/enrol", wrong(secret)))
				.andExpect(model().attributeHasFieldErrorCode("form", "code", "totp.codeWrong"));
		}
		this.mvc.perform(code(session, "/account/second-factor/enrol", wrong(secret)))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(count("select count(*) from account_totp where user_account_id = ?", id(admin))).isZero();
		assertThat(count("select count(*) from audit_event where action = 'account.lock' and detail like ?",
				admin + " %")).isEqualTo(1);
	}

	@Test
	void atFirstSignInAnAdministratorEnrolsAnAuthenticatorFromAQrCode() throws Exception {
		String admin = account(true);
		MockHttpSession session = pending(admin);
		this.mvc.perform(get("/account/second-factor").session(session))
			.andExpect(redirectedUrl("/account/second-factor/enrol"));
		String page = this.mvc.perform(get("/account/second-factor/enrol").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("src=\"data:image/png;base64,");
		byte[] secret = (byte[]) stored(session).getAttribute(SecondFactorController.ENROLLING);
		assertThat(page).contains(Base32.grouped(secret));

		this.mvc.perform(code(session, "/account/second-factor/enrol", wrong(secret)))
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "totp.codeWrong"));
		this.mvc.perform(code(session, "/account/second-factor/enrol", Totp.code(secret, Totp.step(Instant.now()))))
			.andExpect(redirectedUrl("/home"));
		this.mvc.perform(get("/admin/audit").session(session)).andExpect(status().isOk());

		String sealed = this.jdbc.queryForObject("select sealed_secret from account_totp where user_account_id = ?",
				String.class, id(admin));
		assertThat(sealed).startsWith("A1:").doesNotContain(Base32.encode(secret));
		assertThat(count("select count(*) from audit_event where detail like ?", "%" + Base32.encode(secret) + "%"))
			.isZero();
		assertThat(count("select count(*) from audit_event where action = 'totp.enrol' and outcome = 'SUCCESS' and actor = ?", admin))
			.isEqualTo(1);
	}

	@Test
	void theSecurityAdministratorResetsALostFactorWhichEndsTheOwnersSessionsAndIsAudited() throws Exception {
		String admin = account(true);
		byte[] secret = Base32.decode("ONSWG4TFORZWK3DMN5TGM2LDMVZXG33O");
		provisionFactor(admin, secret);
		MockHttpSession session = pending(admin);
		this.mvc.perform(code(session, "/account/second-factor", Totp.code(secret, Totp.step(Instant.now()))))
			.andExpect(redirectedUrl("/home"));

		this.mvc.perform(post("/admin/accounts/{id}/second-factor-reset", id(admin)).with(csrf())
				.with(admin("secadmin")))
			.andExpect(flash().attribute("message", "totp.resetDone"));
		assertThat(count("select count(*) from account_totp where user_account_id = ?", id(admin))).isZero();
		assertThat(count("select count(*) from audit_event where action = 'totp.reset' and actor = 'secadmin' "
				+ "and detail = ?", admin)).isEqualTo(1);
		this.mvc.perform(get("/home").session(session)).andExpect(redirectedUrl("/login?expired"));

		this.mvc.perform(get("/account/second-factor").session(pending(admin)))
			.andExpect(redirectedUrl("/account/second-factor/enrol"));
	}

	@Test
	void aSecretSealedUnderAnotherKeyIsExplainedNotAnError() throws Exception {
		String admin = account(true);
		provisionFactor(admin, Base32.decode("OBQXG43XN5ZGIMJSGM2DKNRXHA4TAMJS"));
		// what a database restored without its sealing key looks like: ciphertext no key here opens
		this.jdbc.update("update account_totp set sealed_secret = ? where user_account_id = ?",
				"A1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v", id(admin));
		MockHttpSession session = pending(admin);
		this.mvc.perform(code(session, "/account/second-factor", "123456"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "totp.unreadable"));
	}

	@Test
	void nobodyResetsTheirOwnSecondFactor() throws Exception {
		this.mvc.perform(post("/admin/accounts/{id}/second-factor-reset", id("secadmin")).with(csrf())
				.with(admin("secadmin")))
			.andExpect(flash().attribute("error", "totp.refused.resetSelf"));
	}

	@Test
	void businessUsersNeedNoSecondFactor() throws Exception {
		signIn(account(false), PASSWORD).andExpect(redirectedUrl("/home"));
	}

	// --- helpers

	/** The session as stored in PostgreSQL. */
	private Session stored(MockHttpSession session) {
		return this.sessions.findById(MockMvcSessionBridge.id(session));
	}

	/** A fresh account with the test password: an audit administrator, or a business account without role. */
	private String account(boolean administrator) {
		systemActor();
		String name = "acct-sec-" + NAMES.incrementAndGet();
		if (administrator) {
			this.accounts.provision(name, "测试·管理员", null, PASSWORD, false, Role.AUDIT_ADMIN);
		}
		else {
			this.accounts.provision(name, "测试·用户", null, PASSWORD, false);
		}
		return name;
	}

	/** Outside a request, with nobody signed in in this thread, the services act as {@code system}. */
	private static void systemActor() {
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
	}

	private void provisionFactor(String admin, byte[] secret) {
		systemActor();
		this.secondFactor.provision(admin, secret);
	}

	private org.springframework.test.web.servlet.ResultActions signIn(String username, String password)
			throws Exception {
		return signIn(username, password, null);
	}

	private org.springframework.test.web.servlet.ResultActions signIn(String username, String password,
			MockHttpSession session) throws Exception {
		MockHttpServletRequestBuilder request = post("/login").with(csrf())
			.with(from(this.address))
			.header("User-Agent", "MockMvc-Test-Agent")
			.param("username", username)
			.param("password", password);
		if (session != null) {
			request.session(session);
		}
		return this.mvc.perform(request);
	}

	private MockHttpSession signedIn(String username) throws Exception {
		MockHttpSession session = (MockHttpSession) signIn(username, PASSWORD, new MockHttpSession())
			.andExpect(redirectedUrl("/home"))
			.andReturn()
			.getRequest()
			.getSession();
		return session;
	}

	private MockHttpSession pending(String admin) throws Exception {
		return (MockHttpSession) signIn(admin, PASSWORD, new MockHttpSession())
			.andExpect(redirectedUrl("/account/second-factor"))
			.andReturn()
			.getRequest()
			.getSession();
	}

	private MockHttpServletRequestBuilder code(MockHttpSession session, String path, String code) {
		return post(path).with(csrf()).with(from(this.address)).session(session).param("code", code);
	}

	private MockHttpServletRequestBuilder changePassword(MockHttpSession session, String current, String next) {
		return post("/account/password").with(csrf())
			.session(session)
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("confirmPassword", next);
	}

	/** A code that matches none of the steps around now. */
	private static String wrong(byte[] secret) {
		long step = Totp.step(Instant.now());
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!code.equals(Totp.code(secret, step - 1)) && !code.equals(Totp.code(secret, step))
					&& !code.equals(Totp.code(secret, step + 1))) {
				return code;
			}
		}
	}

	private RequestPostProcessor admin(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String handleOf(String sessionId) throws Exception {
		byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
			.digest(sessionId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return java.util.HexFormat.of().formatHex(hash, 0, 12);
	}

	private Long id(String username) {
		return this.jdbc.queryForObject("select id from user_account where username = ?", Long.class, username);
	}

	private long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return (count != null) ? count : 0;
	}

}
