package org.doublerandom.inspection.account.web;

import java.time.Instant;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.doublerandom.inspection.account.AccountService;
import org.doublerandom.inspection.account.Base32;
import org.doublerandom.inspection.account.SecondFactorService;
import org.doublerandom.inspection.account.Totp;
import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.web.BrowserTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts in Chromium: a locked account and the one generic message, the forced password change, the
 * administrator's TOTP step and first enrolment (codes computed here from the clock), and ending one's own
 * other session. Screenshots under {@code target/screenshots/account-*}.
 */
class AccountSecurityBrowserIT extends BrowserTestSupport {

	static final String PASSWORD = "Browser-Test-2026";

	@Autowired
	AccountService accounts;

	@Autowired
	SecondFactorService secondFactor;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aLockedAccountGetsTheSameMessageAsAWrongPasswordEvenWithTheRightOne() throws Exception {
		this.accounts.provision("browser-locked", "测试·锁定", null, PASSWORD, false);
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			for (int i = 0; i < 5; i++) {
				tryPassword(page, "browser-locked", "Wrong-Password-" + i);
				assertThat(page.url()).endsWith("/login?error");
			}
			String wrongMessage = page.locator("#login-error").textContent();
			tryPassword(page, "browser-locked", PASSWORD);
			assertThat(page.url()).endsWith("/login?error");
			assertThat(page.locator("#login-error").textContent()).isEqualTo(wrongMessage)
				.contains("用户名或密码不正确，或账户不可用。");
			screenshot(page, "account-locked-generic-error");
			tryPassword(page, "no-such-person", PASSWORD);
			assertThat(page.locator("#login-error").textContent()).isEqualTo(wrongMessage);
		}
	}

	@Test
	void aNewAccountChangesItsPasswordFirstAndACommonOneIsRefused() throws Exception {
		this.accounts.provision("browser-first", "测试·首次登录", null, PASSWORD, true);
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			tryPassword(page, "browser-first", PASSWORD);
			page.navigate(url("/home"));
			assertThat(page.url()).endsWith("/account/password");
			assertThat(page.locator("#must-change").isVisible()).isTrue();
			page.fill("#currentPassword", PASSWORD);
			page.fill("#newPassword", "Password2026!");
			page.fill("#confirmPassword", "Password2026!");
			page.click("main form button[type=submit]");
			assertThat(page.locator(".invalid-feedback").first().textContent()).contains("过于常见");
			screenshot(page, "account-forced-change-common-refused");
			page.fill("#currentPassword", PASSWORD);
			page.fill("#newPassword", "Chosen-In-Browser-2026");
			page.fill("#confirmPassword", "Chosen-In-Browser-2026");
			page.click("main form button[type=submit]");
			page.waitForURL("**/home");
			screenshot(page, "account-forced-change-done");
		}
	}

	@Test
	void anAdministratorGivesTheTotpCodeBeforeReachingTheirPages() throws Exception {
		this.accounts.provision("browser-admin", "测试·审计管理员", null, PASSWORD, false, Role.AUDIT_ADMIN);
		byte[] secret = Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		this.secondFactor.provision("browser-admin", secret);
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			tryPassword(page, "browser-admin", PASSWORD);
			assertThat(page.url()).endsWith("/account/second-factor");
			page.navigate(url("/admin/audit"));
			assertThat(page.url()).endsWith("/account/second-factor");
			screenshot(page, "account-totp-step");

			page.fill("#code", "12345x");
			page.click("#verify");
			assertThat(page.locator("#code-error").textContent()).contains("动态口令不正确");
			screenshot(page, "account-totp-wrong");

			giveSecondFactor(page, secret);
			page.navigate(url("/admin/audit"));
			assertThat(page.title()).doesNotContain("无权访问");
			screenshot(page, "account-totp-admin-page");
		}
	}

	@Test
	void anAdministratorEnrolsTheirAuthenticatorFromTheQrCodeAtFirstSignIn() throws Exception {
		this.accounts.provision("browser-enrol", "测试·系统管理员", null, PASSWORD, false, Role.AUDIT_ADMIN);
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			tryPassword(page, "browser-enrol", PASSWORD);
			page.waitForURL("**/account/second-factor/enrol");
			assertThat(page.locator("#totp-qr").getAttribute("src")).startsWith("data:image/png;base64,");
			assertThat((Boolean) page.evaluate("document.getElementById('totp-qr').naturalWidth > 100")).isTrue();
			assertThat(page.locator("main").textContent()).contains("鄂尔多斯双随机一公开");
			screenshot(page, "account-totp-enrol");
			byte[] secret = Base32.decode(page.locator("#totp-key").textContent());
			page.fill("#code", Totp.code(secret, Totp.step(Instant.now())));
			page.click("#verify");
			page.waitForURL("**/home");
			assertThat(this.jdbc.queryForObject("""
					select count(*) from account_totp t join user_account a on a.id = t.user_account_id
					where a.username = 'browser-enrol'""", Long.class)).isEqualTo(1);
		}
	}

	@Test
	void aUserEndsTheirOtherSessionFromTheSessionsPage() throws Exception {
		this.accounts.provision("browser-sessions", "测试·会话", null, PASSWORD, false);
		try (BrowserContext office = newContext(); BrowserContext laptop = newContext()) {
			Page other = laptop.newPage();
			tryPassword(other, "browser-sessions", PASSWORD);
			other.waitForURL("**/home");
			Page page = office.newPage();
			tryPassword(page, "browser-sessions", PASSWORD);
			page.waitForURL("**/home");
			page.click("#user-menu");
			page.click("#nav-sessions");
			page.waitForURL("**/account/sessions");
			assertThat(page.locator("#sessions tbody tr").count()).isEqualTo(2);
			screenshot(page, "account-sessions");
			page.click(".end-session");
			// the click posts and the page comes back redirected: wait for the new page, not the old one's load state;
			// on a machine busy with a parallel build that took longer than the assertion's default 5 s
			com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#sessions tbody tr"))
				.hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(30_000));

			other.navigate(url("/home"));
			assertThat(other.url()).endsWith("/login?expired");
			assertThat(other.locator("#login-expired").isVisible()).isTrue();
			screenshot(other, "account-session-ended-elsewhere");
		}
	}

	private void tryPassword(Page page, String username, String password) {
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", password);
		page.click("#sign-in");
		page.waitForLoadState();
	}

	private static BrowserContext newContext() {
		return browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
	}

}
