package org.doublerandom.inspection.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs in as each demo role in a real Chromium and checks that the navigation offers exactly what the role
 * may use, that a signed-out visitor reaches the public site, and saves screenshots under
 * {@code target/screenshots}. Skips without Chromium, except in CI ({@code INSPECTION_REQUIRE_BROWSER=1}).
 */
class RoleNavigationBrowserIT extends BrowserTestSupport {

	static final List<String> ALL_NAV = List.of("nav-home", "nav-my-department", "nav-items", "nav-targets",
			"nav-inspectors", "nav-plans", "nav-worklist", "nav-departments", "nav-calendar", "nav-vocabulary", "nav-accounts",
			"nav-roles", "nav-audit", "nav-oversight");

	static final List<String> BUSINESS_NAV = List.of("nav-home", "nav-my-department", "nav-items", "nav-targets",
			"nav-inspectors", "nav-plans", "nav-worklist", "nav-departments", "nav-vocabulary");

	/** Managers and the bureau also see the oversight dashboard. */
	static final List<String> MANAGER_NAV = Stream.concat(BUSINESS_NAV.stream(), Stream.of("nav-oversight"))
		.toList();

	static Stream<Arguments> roles() {
		return Stream.of(
				Arguments.of("scjg-officer1", BUSINESS_NAV, "/admin/accounts"),
				Arguments.of("scjg-manager", MANAGER_NAV, "/admin/audit"),
				Arguments.of("bureau", MANAGER_NAV, "/admin/accounts"),
				Arguments.of("sysadmin", List.of("nav-home", "nav-departments", "nav-calendar", "nav-accounts"), "/vocabulary"),
				Arguments.of("secadmin", List.of("nav-home", "nav-roles"), "/organization/departments"),
				Arguments.of("auditadmin", List.of("nav-home", "nav-audit"), "/my-department"));
	}

	@ParameterizedTest(name = "{0} sees only its own navigation")
	@MethodSource("roles")
	void eachRoleSeesOnlyTheNavigationItMayUse(String username, List<String> visible, String forbiddenPath)
			throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1280, 800))) {
			Page page = context.newPage();
			signIn(page, username);
			assertThat(page.url()).endsWith("/home");
			for (String nav : ALL_NAV) {
				assertThat(page.locator("#" + nav).count()).as("%s sees %s", username, nav)
					.isEqualTo(visible.contains(nav) ? 1 : 0);
			}
			assertThat(page.locator("#figure-departments").textContent().trim()).isEqualTo("36");
			screenshot(page, "home-" + username);

			for (String nav : visible) {
				page.locator("#" + nav).click();
				page.waitForLoadState();
				assertThat(page.title()).as("%s opens %s", username, nav).doesNotContain("无权访问", "页面不存在");
				screenshot(page, username + "-" + nav);
				page.navigate(url("/home"));
			}

			Response denied = page.navigate(url(forbiddenPath));
			assertThat(denied.status()).isEqualTo(403);
			assertThat(page.locator("h1").textContent()).isEqualTo("无权访问");
			screenshot(page, "denied-" + username);
		}
	}

	@Test
	void signedOutVisitorReadsThePublicSiteButIsAskedToSignInForEverythingElse() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1280, 900))) {
			Page page = context.newPage();
			Response home = page.navigate(url("/"));
			assertThat(home.status()).isEqualTo(200);
			assertThat(page.url()).endsWith("/public");
			assertThat(page.locator("#public-departments tbody tr").count()).isEqualTo(35);
			screenshot(page, "public-home");

			page.navigate(url("/public?lang=en"));
			assertThat(page.locator("h1").textContent()).contains("drawn at random");
			screenshot(page, "public-home-en");
			page.navigate(url("/public?lang=zh-CN"));

			for (String path : List.of("/home", "/admin/accounts", "/admin/audit", "/vocabulary", "/no-such-page")) {
				page.navigate(url(path));
				assertThat(page.url()).as(path).endsWith("/login");
			}
			screenshot(page, "login");
		}
	}

	@Test
	void anOfficerFiltersTheRegistryInPlaceOpensATargetAndPreviewsAnImport() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1280, 900))) {
			Page page = context.newPage();
			signIn(page, "scjg-officer1");
			page.locator("#nav-targets").click();
			page.waitForURL("**/registry/targets");
			String all = page.locator("#result-count").textContent();
			screenshot(page, "targets-list");

			// htmx swaps only the results: the filter form stays, the address bar follows
			page.selectOption("#region", "150602");
			page.selectOption("#credit", "A");
			page.waitForURL("**credit=A**");
			assertThat(page.locator("#result-count").textContent()).isNotEqualTo(all);
			assertThat(page.locator("#region").inputValue()).isEqualTo("150602");
			screenshot(page, "targets-filtered");

			page.locator("#targets tbody tr a").first().click();
			page.waitForURL("**/registry/targets/*");
			assertThat(page.locator("#target-departments").textContent()).contains("市场监管局");
			screenshot(page, "target-detail");

			page.navigate(url("/registry/targets/import"));
			Path csv = Files.createTempFile("targets", ".csv");
			Files.writeString(csv, "对象类型,代码,名称,行政区划\n企业,91350100M000100Y44,演示·校验位错,东胜区\n");
			page.setInputFiles("#file", csv);
			page.click("#preview");
			page.waitForSelector("#import-report");
			assertThat(page.locator("#row-errors").textContent()).contains("校验位错误");
			screenshot(page, "target-import-preview");
		}
	}

	@Test
	void aWrongPasswordGetsOneGenericMessageAndSignOutEndsTheSession() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = context.newPage();
			page.navigate(url("/login"));
			page.fill("#username", "scjg-officer1");
			page.fill("#password", "wrong-password");
			page.click("#sign-in");
			assertThat(page.locator("#login-error").textContent()).isEqualTo("用户名或密码不正确，或账户不可用。");
			screenshot(page, "login-failed");

			signIn(page, "wsjk-officer");
			assertThat(page.locator("#current-department").textContent()).isEqualTo("鄂尔多斯市卫生健康委员会");
			page.click("#user-menu");
			page.click("#sign-out");
			page.waitForURL("**/login?logout");
			page.navigate(url("/home"));
			assertThat(page.url()).endsWith("/login");
		}
	}

}
