package org.doublerandom.inspection.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspector registry in a real Chromium: the filters re-render only the results (htmx, under the CSP), the
 * pager keeps the filters, the detail page shows eligibility; screenshots go to {@code target/screenshots}.
 */
class InspectorRegistryBrowserIT extends BrowserTestSupport {

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

}
