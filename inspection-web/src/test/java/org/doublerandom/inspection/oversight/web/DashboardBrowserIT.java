package org.doublerandom.inspection.oversight.web;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.doublerandom.inspection.web.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bureau's dashboard in a real Chromium with the demo data: the charts are drawn (a canvas with pixels
 * in each) under the Content-Security-Policy, without a script error, and each has its table. Screenshots of
 * this year and of last year (the demo draws) under {@code target/screenshots}; then the assessment of last
 * year's fourth quarter with its XLSX, and the one-click dossier of the demo draw's task.
 */
class DashboardBrowserIT extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theBureauSeesEveryChartDrawnWithItsTable() throws Exception {
		List<String> consoleErrors = new ArrayList<>();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1440, 900))) {
			Page page = context.newPage();
			page.onConsoleMessage(m -> {
				if ("error".equals(m.type())) {
					consoleErrors.add(m.text());
				}
			});
			signIn(page, "bureau");
			page.click("#nav-oversight");
			page.waitForURL("**/oversight/dashboard");
			waitForCharts(page);
			assertThat(page.textContent("#dashboard-scope")).contains("全市");
			screenshot(page, "oversight-dashboard-this-year");

			int lastYear = LocalDate.now().getYear() - 1;
			page.selectOption("#dashboard-year", String.valueOf(lastYear));
			page.click("#dashboard-apply");
			page.waitForURL("**/oversight/dashboard?year=" + lastYear + "**");
			waitForCharts(page);
			for (String figure : List.of("planCompletion", "tasksByState", "targetsDrawn", "coverageByCredit",
					"coverageByRegion", "joint", "problemFound", "resultsByCategory", "onTimePublication")) {
				assertThat(page.locator("#chart-" + figure + " canvas").count()).as(figure).isGreaterThan(0);
				assertThat(page.getAttribute("#chart-" + figure, "data-rendered")).as(figure).isEqualTo("true");
				assertThat(hasInk(page, figure)).as(figure + " drew something").isTrue();
				assertThat(page.locator("#table-" + figure + " tbody tr").count()).as(figure).isGreaterThan(0);
			}
			assertThat(Long.parseLong(page.textContent("#indicator-targetsDrawn .indicator-value").replace(",", "").strip()))
				.isPositive();
			// the demo draft left past its deadline is on the overdue list
			assertThat(page.locator("#table-overdueResults tbody tr").count()).isPositive();
			screenshot(page, "oversight-dashboard");

			// 考核: the bureau's own department over last year's fourth quarter, then its XLSX
			page.click("#open-assessment");
			page.waitForURL("**/oversight/assessment");
			page.fill("#from", lastYear + "-10-01");
			page.fill("#to", lastYear + "-12-31");
			page.click("#assessment-show");
			page.waitForSelector("#assessment");
			assertThat(page.locator("#assessment-entries tbody tr").count()).isPositive();
			assertThat(page.locator("#assessment-results .indicator-value").count()).isEqualTo(6);
			Download report = page.waitForDownload(() -> page.click("#assessment-xlsx"));
			assertThat(report.suggestedFilename()).endsWith(".xlsx");
			screenshot(page, "oversight-assessment");

			// 存档: one click on the task page downloads the dossier
			long task = this.jdbc.queryForObject("select d.task_id from draw d join draw_result r on r.draw_id = d.id "
					+ "where d.demo and d.voided_at is null order by d.id limit 1", Long.class);
			page.navigate(url("/tasks/" + task));
			Download dossier = page.waitForDownload(() -> page.click("#archive-dossier"));
			assertThat(dossier.suggestedFilename()).endsWith("-存档.zip");
			Path saved = SCREENSHOTS.resolveSibling("oversight-dossier.zip");
			dossier.saveAs(saved);
			try (ZipFile zip = new ZipFile(saved.toFile())) {
				assertThat(zip.getEntry("SHA256SUMS")).isNotNull();
			}
		}
		assertThat(consoleErrors).isEmpty();
	}

	private static void waitForCharts(Page page) {
		page.waitForFunction("() => { const d = document.getElementById('dashboard'); return d && d.dataset.charts; }");
		assertThat(page.getAttribute("#dashboard", "data-charts")).isEqualTo("ready");
		page.waitForFunction("() => [...document.querySelectorAll('.dashboard-chart')].every(e => e.dataset.rendered === 'true')");
	}

	/** Some pixel of the chart's canvas is neither transparent nor white. */
	private static boolean hasInk(Page page, String figure) {
		return (Boolean) page.evaluate("key => { const c = document.querySelector('#chart-' + key + ' canvas');"
				+ " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
				+ " for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) return true; }"
				+ " return false; }", figure);
	}

}
