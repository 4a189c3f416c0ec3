package org.doublerandom.inspection.item.web;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * The item-list pages in a real Chromium: the navigation entry, the overview, a version, the item form with
 * its field errors and a booklet, with screenshots under {@code target/screenshots}. The pages must render
 * under the Content-Security-Policy with no console error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "inspection.demo.enabled=true")
class ItemPagesBrowserIT {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launchChromium() {
		if (!Files.isExecutable(CHROMIUM)) {
			if ("1".equals(System.getenv("INSPECTION_REQUIRE_BROWSER"))) {
				fail("Chromium is required (INSPECTION_REQUIRE_BROWSER=1) but missing at " + CHROMIUM);
			}
			assumeTrue(false, "Chromium not found at " + CHROMIUM + "; browser tests skipped");
		}
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
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
	void anOfficerFindsTheListsFromTheNavigationAndSeesFieldErrorsInTheItemForm() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1280, 900))) {
			Page page = context.newPage();
			List<String> consoleErrors = new java.util.ArrayList<>();
			page.onConsoleMessage(message -> {
				if ("error".equals(message.type())) {
					consoleErrors.add(message.text());
				}
			});
			signIn(page, "scjg-officer1");
			page.click("#nav-items");
			page.waitForURL("**/items");
			assertThat(page.locator("#item-lists tbody tr").count()).isGreaterThanOrEqualTo(4);
			screenshot(page, "items-overview");

			page.locator("#item-lists a").first().click();
			page.waitForLoadState();
			assertThat(page.locator("#work-rules").count()).isEqualTo(1);
			screenshot(page, "items-list-version");

			page.navigate(url("/items"));
			page.locator("#item-lists tr:has(.text-bg-warning) a").first().click();
			page.waitForLoadState();
			page.click("#add-item");
			page.click("#item-form button[type=submit]");
			page.waitForLoadState();
			assertThat(page.locator("#name.is-invalid").count()).isEqualTo(1);
			assertThat(page.locator(".invalid-feedback").allTextContents()).contains("请至少选择一类抽查对象。");
			screenshot(page, "items-form-errors");

			page.navigate(url("/items/booklets"));
			page.locator("#booklets a").first().click();
			page.waitForLoadState();
			assertThat(page.locator("#booklet-items tbody tr").count()).isGreaterThanOrEqualTo(3);
			screenshot(page, "items-booklet");
			assertThat(consoleErrors).isEmpty();
		}
	}

	@Test
	void administratorsHaveNoItemNavigation() {
		try (BrowserContext context = browser.newContext()) {
			Page page = context.newPage();
			signIn(page, "sysadmin");
			assertThat(page.locator("#nav-items").count()).isZero();
		}
	}

	private void signIn(Page page, String username) {
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", "Ordos-Demo-2026");
		page.click("#sign-in");
		page.waitForURL("**/home");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static void screenshot(Page page, String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

}
