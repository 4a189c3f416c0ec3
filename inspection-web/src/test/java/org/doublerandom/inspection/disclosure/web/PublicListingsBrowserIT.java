package org.doublerandom.inspection.disclosure.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.doublerandom.inspection.web.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public listings' filter bar in a browser, signed out, on the demo data: choosing a banner/district narrows
 * the rows in place (htmx) and puts the filter in the address; the 打印 button prints; on paper the menu, the
 * filter bar and the pager are gone while the count and the active filters stay; and the filtered and the empty
 * pages have no serious accessibility violation (axe-core). Each state is screenshot for a person to look at.
 */
class PublicListingsBrowserIT extends BrowserTestSupport {

	static final List<String> LISTINGS = List.of("plans", "tasks", "draws", "results");

	@Test
	void theFilterBarNarrowsEachListingInPlaceAndTheListingPrintsClean() throws Exception {
		String axe = PublicAccessibilityBrowserIT.axeSource();
		List<String> violations = new ArrayList<>();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1280, 900))) {
			context.addInitScript(axe);
			// the print dialog cannot open headless: count the calls instead
			context.addInitScript("window.__printed = 0; window.print = () => { window.__printed++; };");
			Page page = context.newPage();
			for (String listing : LISTINGS) {
				page.navigate(url("/public/" + listing));
				page.waitForLoadState();
				assertThat(page.locator("#filter-summary").textContent()).contains("共").contains("未筛选");
				screenshot(page, "public-listing-" + listing);

				page.selectOption("#filter-region", "150602");
				page.waitForURL(u -> u.contains("region=150602"));
				page.locator("#filter-active").waitFor();
				assertThat(page.locator("#filter-active").textContent()).contains("东胜区");
				assertThat(page.locator("#public-filter").count()).as("one filter bar after the swap").isEqualTo(1);
				assertThat(page.locator("#results").count()).as("one result area after the swap").isEqualTo(1);
				violations.addAll(axe(page, listing + " region"));
				screenshot(page, "public-listing-" + listing + "-dongsheng");

				page.click("#print-page");
				assertThat(page.evaluate("window.__printed")).isEqualTo(1);
				page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
				assertThat(page.locator("#public-filter").isVisible()).as("filter bar on paper").isFalse();
				assertThat(page.locator("header nav").isVisible()).as("menu on paper").isFalse();
				assertThat(page.locator("#filter-summary").isVisible()).as("count on paper").isTrue();
				screenshot(page, "public-listing-" + listing + "-print");
				page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));

				// a year with nothing published: the page says so
				page.navigate(url("/public/" + listing + "?year=2000"));
				assertThat(page.locator("#filter-empty").textContent()).contains("没有符合筛选条件");
				violations.addAll(axe(page, listing + " empty"));
				screenshot(page, "public-listing-" + listing + "-empty");
			}
		}
		assertThat(violations).isEmpty();
	}

	private static List<String> axe(Page page, String label) {
		Object found = page.evaluate("""
				async () => {
				  const result = await axe.run(document, { resultTypes: ['violations'] });
				  return result.violations
				    .filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '
				      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
				}""");
		List<String> violations = new ArrayList<>();
		if (found instanceof List<?> list) {
			list.forEach(v -> violations.add(label + " " + v));
		}
		return violations;
	}

}
