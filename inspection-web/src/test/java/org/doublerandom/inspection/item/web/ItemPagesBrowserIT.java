package org.doublerandom.inspection.item.web;

import java.util.List;

import com.microsoft.playwright.Browser;
import org.doublerandom.inspection.web.BrowserTestSupport;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The item-list pages in a real Chromium: the navigation entry, the overview, a version, the item form with
 * its field errors and a booklet, with screenshots under {@code target/screenshots}. The pages must render
 * under the Content-Security-Policy with no console error.
 */
class ItemPagesBrowserIT extends BrowserTestSupport {

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

}
