package org.doublerandom.inspection.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.doublerandom.inspection.account.Base32;
import org.doublerandom.inspection.account.Totp;
import org.doublerandom.inspection.demo.DemoSecondFactor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every browser test shares: the app on a random port with the demo data, a headless Debian Chromium
 * driven by Playwright (never a downloaded browser), sign-in and screenshots under {@code target/screenshots}.
 * Without Chromium the tests are skipped, except in CI ({@code INSPECTION_REQUIRE_BROWSER=1}), where they fail.
 */
// every browser test signs in from 127.0.0.1: a sign-in rate limit meant for one person would throttle the suite
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "inspection.demo.enabled=true", "inspection.security.sign-in-rate.attempts-per-minute=600" })
public abstract class BrowserTestSupport {

	public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	public static final String DEMO_PASSWORD = "Ordos-Demo-2026";

	protected static Playwright playwright;

	protected static Browser browser;

	@LocalServerPort
	protected int port;

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
			browser = null;
		}
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	/**
	 * Signs a demo user in; a demo administrator also gives the TOTP code of the published demo secret
	 * ({@link DemoSecondFactor}), computed here from the clock like an authenticator app would.
	 */
	protected void signIn(Page page, String username) {
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", DEMO_PASSWORD);
		page.click("#sign-in");
		page.waitForURL(url -> url.endsWith("/home") || url.contains("/account/second-factor"));
		if (page.url().contains("/account/second-factor")) {
			giveSecondFactor(page, Base32.decode(DemoSecondFactor.DEMO_TOTP_SECRET));
		}
	}

	/** Types the current code; a code is good once, so if this step's code was just used, waits for the next. */
	protected void giveSecondFactor(Page page, byte[] secret) {
		for (int attempt = 0; attempt < 3; attempt++) {
			page.fill("#code", Totp.code(secret, Totp.step(Instant.now())));
			page.click("#verify");
			page.waitForLoadState();
			if (page.url().endsWith("/home")) {
				return;
			}
			long millisToNextStep = Totp.STEP_SECONDS * 1000 - Instant.now().toEpochMilli() % (Totp.STEP_SECONDS * 1000);
			page.waitForTimeout(millisToNextStep + 200);
		}
		fail("the TOTP code was not accepted: " + page.url());
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	protected static void screenshot(Page page, String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

}
