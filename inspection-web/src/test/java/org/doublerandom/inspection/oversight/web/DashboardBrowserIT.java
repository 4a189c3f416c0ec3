package org.doublerandom.inspection.oversight.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.doublerandom.inspection.web.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bureau's dashboard in a real Chromium with the demo data: the charts are drawn (a canvas with pixels
 * in each) under the Content-Security-Policy, without a script error, and each has its table. Screenshots of
 * this year and of last year (the demo draws) under {@code target/screenshots}.
 */
class DashboardBrowserIT extends BrowserTestSupport {

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
					"coverageByRegion", "joint")) {
				assertThat(page.locator("#chart-" + figure + " canvas").count()).as(figure).isGreaterThan(0);
				assertThat(page.getAttribute("#chart-" + figure, "data-rendered")).as(figure).isEqualTo("true");
				assertThat(hasInk(page, figure)).as(figure + " drew something").isTrue();
				assertThat(page.locator("#table-" + figure + " tbody tr").count()).as(figure).isGreaterThan(0);
			}
			assertThat(Long.parseLong(page.textContent("#indicator-targetsDrawn .indicator-value").replace(",", "").strip()))
				.isPositive();
			screenshot(page, "oversight-dashboard");
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
