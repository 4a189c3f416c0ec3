package org.doublerandom.inspection.result.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.doublerandom.inspection.web.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance of issue 6 in a real Chromium: an SCJG officer records a result of the demo joint task with a
 * photo, the manager sends it back once, the officer corrects it, the manager publishes it, and the public site
 * shows it. Screenshots under {@code target/screenshots}.
 */
class ResultWorkflowBrowserIT extends BrowserTestSupport {

	@Test
	void anOfficerRecordsTheManagerReturnsThenPublishesAndThePublicSeesIt(@TempDir Path dir) throws Exception {
		Path photo = dir.resolve("现场照片.png");
		BufferedImage image = new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x88AACC));
		g.fillRect(0, 0, 200, 120);
		g.dispose();
		ImageIO.write(image, "png", photo.toFile());
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(photo)));
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		List<String> consoleErrors = new ArrayList<>();
		String resultUrl;
		String target;
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			page.onConsoleMessage(m -> {
				if ("error".equals(m.type())) {
					consoleErrors.add(m.text());
				}
			});
			signIn(page, "scjg-officer1");
			page.click("#nav-worklist");
			page.waitForSelector("#worklist");
			assertThat(page.locator("#scope-department").getAttribute("class")).contains("active");
			assertThat(page.locator(".days-left").count()).isPositive();
			screenshot(page, "result-worklist-officer");
			viewport(page, "result-worklist-officer-top");
			// a target of the joint task nobody has recorded yet
			page.locator(".record-result").first().click();
			page.waitForSelector("#result-form");
			target = page.locator("#result-target").textContent().trim();
			page.fill("#inspectionDate", today);
			page.selectOption("#categoryCode", "NO_PROBLEM");
			screenshot(page, "result-form");
			page.click("#save-result");
			page.waitForSelector("#result-saved");
			resultUrl = page.url().replaceAll("\\?.*$", "");
			page.setInputFiles("#attachment-file", photo);
			page.click("#upload-attachment");
			page.waitForSelector(".attachment-sha256");
			assertThat(page.locator(".attachment-sha256").first().textContent()).contains(sha256);
			page.click("#submit-result");
			page.waitForSelector("#flash-message");
			assertThat(page.locator("#result-state").textContent()).contains("待审核");
			screenshot(page, "result-submitted");
		}
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			signIn(page, "scjg-manager");
			page.navigate(url("/worklist"));
			viewport(page, "result-worklist-manager-top");
			page.navigate(resultUrl);
			screenshot(page, "result-review");
			page.fill("#opinion", "请写明检查的具体经营场所。");
			page.click("#return-result");
			page.waitForSelector("#flash-message");
			assertThat(page.locator("#result-state").textContent()).contains("退回");
			assertThat(page.locator(".step-opinion").last().textContent()).contains("请写明检查的具体经营场所");
			screenshot(page, "result-returned");
		}
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			signIn(page, "scjg-officer1");
			page.navigate(resultUrl);
			page.click("#edit-result");
			page.waitForSelector("#result-form");
			page.fill("#items0\\.problems", "经营场所位于一层临街商铺，后厨地面有积水。");
			page.fill("#items0\\.handling", "当场责令清理，已拍照留存。");
			page.selectOption("#categoryCode", "CORRECTED_ON_ORDER");
			page.click("#save-result");
			page.waitForSelector("#result-saved");
			page.click("#submit-result");
			page.waitForSelector("#flash-message");
			assertThat(page.locator("#result-state").textContent()).contains("待审核");
		}
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			signIn(page, "scjg-manager");
			page.navigate(resultUrl);
			page.fill("#opinion", "同意公示。");
			page.click("#publish-result");
			page.waitForSelector("#flash-message");
			assertThat(page.locator("#result-state").textContent()).contains("已公示");
			screenshot(page, "result-published");
		}
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			page.navigate(url("/public"));
			page.click("#public-results-link");
			page.waitForSelector("#public-result-notices");
			screenshot(page, "result-public-list");
			page.locator("#public-result-notices a").first().click();
			page.waitForSelector(".public-result-rows");
			assertThat(page.content()).contains(target).contains("发现问题已责令改正");
			screenshot(page, "result-public-notice");
			page.locator(".public-result-rows a", new Page.LocatorOptions().setHasText(target)).first().click();
			page.waitForSelector("#public-result-items");
			assertThat(page.locator("#public-result-entity").textContent()).contains(target);
			assertThat(page.content()).doesNotContain("同意公示").doesNotContain("后厨地面有积水");
			screenshot(page, "result-public-detail");
		}
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void theAdministratorSeesTheCalendarWithThe2024Holidays() throws Exception {
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			signIn(page, "sysadmin");
			page.click("#nav-calendar");
			page.waitForSelector("#calendar-years");
			page.navigate(url("/admin/calendar?year=2024"));
			page.waitForSelector("#calendar-days");
			assertThat(page.locator(".calendar-day").count()).isEqualTo(27);
			assertThat(page.content()).contains("2024-02-18").contains("春节调休上班").contains("2024-10-12");
			screenshot(page, "calendar-admin-2024");
		}
	}

	/** The visible part only: long pages are easier to check at their top. */
	private static void viewport(Page page, String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
	}

	private BrowserContext newContext() {
		return browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
	}

}
