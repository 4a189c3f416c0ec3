package org.doublerandom.inspection.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The inspector registry in a real Chromium: the filters re-render only the results (htmx, under the CSP), the
 * pager keeps the filters, the detail page shows eligibility; screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "inspection.demo.enabled=true")
class InspectorRegistryBrowserIT {

	static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launchChromium() {
		if (!Files.isExecutable(RoleNavigationBrowserIT.CHROMIUM)) {
			if ("1".equals(System.getenv("INSPECTION_REQUIRE_BROWSER"))) {
				fail("Chromium is required (INSPECTION_REQUIRE_BROWSER=1) but missing at " + RoleNavigationBrowserIT.CHROMIUM);
			}
			assumeTrue(false, "Chromium not found; browser tests skipped");
		}
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(RoleNavigationBrowserIT.CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	@AfterAll
	static void closeChromium() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@Test
	void filteringSwapsOnlyTheResultsAndTheDetailPageShowsWhySomeoneCannotBeDrawn() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1366, 900))) {
			Page page = context.newPage();
			List<String> consoleErrors = new ArrayList<>();
			page.onConsoleMessage(message -> {
				if ("error".equals(message.type())) {
					consoleErrors.add(message.text());
				}
			});
			page.navigate(url("/login"));
			page.fill("#username", "bureau");
			page.fill("#password", "Ordos-Demo-2026");
			page.click("#sign-in");
			page.waitForURL("**/home");

			page.click("#nav-inspectors");
			page.waitForURL("**/registry/inspectors");
			assertThat(page.locator("#inspectors tbody tr").count()).isEqualTo(20);
			screenshot(page, "inspectors-list-bureau");

			// htmx: the filter form stays, only the results change
			page.locator("#inspector-filters").evaluate("form => form.dataset.marker = 'kept'");
			page.selectOption("#filter-certificate", "EXPIRED");
			page.waitForURL("**certificate=EXPIRED**");
			page.waitForCondition(() -> page.locator("#inspectors td.eligibility").allTextContents()
				.stream()
				.allMatch(text -> !text.contains("可抽取")));
			assertThat(page.locator("#inspector-filters").getAttribute("data-marker")).isEqualTo("kept");
			assertThat(page.locator("#inspectors td.eligibility").first().textContent()).containsAnyOf("证件已过期",
					"无执法证", "不在岗");
			screenshot(page, "inspectors-list-expired");

			page.fill("#filter-q", "演示·检查员00");
			page.waitForURL("**q=**");
			page.locator("#inspectors tbody tr").first().locator("a").click();
			page.waitForURL("**/registry/inspectors/*");
			assertThat(page.locator("#eligibility").textContent()).isNotBlank();
			assertThat(page.locator("#inspector-phone").textContent()).doesNotContainPattern("1[3-9][0-9]{9}");
			screenshot(page, "inspector-detail");

			assertThat(consoleErrors).as("no CSP violation or script error").isEmpty();
		}
	}

	@Test
	void aManagerSeesTheFormsOfTheirOwnDepartmentsEntries() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1366, 900))) {
			Page page = context.newPage();
			page.navigate(url("/login"));
			page.fill("#username", "scjg-manager");
			page.fill("#password", "Ordos-Demo-2026");
			page.click("#sign-in");
			page.waitForURL("**/home");
			page.navigate(url("/registry/inspectors"));
			page.locator("#inspectors tbody tr a").first().click();
			page.waitForURL("**/registry/inspectors/*");
			assertThat(page.locator("#certificate-form").count()).isEqualTo(1);
			screenshot(page, "inspector-detail-manager");
			page.click("#edit-inspector");
			page.waitForURL("**/edit");
			page.fill("#name", "");
			page.click("#save-inspector");
			assertThat(page.locator("#name.is-invalid").count()).isEqualTo(1);
			screenshot(page, "inspector-form-error");
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static void screenshot(Page page, String name) throws Exception {
		Path dir = RoleNavigationBrowserIT.SCREENSHOTS;
		Files.createDirectories(dir);
		page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
	}

}
