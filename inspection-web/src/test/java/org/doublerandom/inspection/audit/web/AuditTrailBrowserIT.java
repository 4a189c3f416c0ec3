package org.doublerandom.inspection.audit.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.doublerandom.inspection.web.BrowserTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit administrator's pages in Chromium under the CSP; screenshots go to {@code target/screenshots}. */
class AuditTrailBrowserIT extends BrowserTestSupport {

	@Test
	void theAuditAdministratorSearchesVerifiesAndWritesACheckpoint() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1366, 900))) {
			Page page = context.newPage();
			List<String> consoleErrors = new ArrayList<>();
			page.onConsoleMessage(message -> {
				if ("error".equals(message.type())) {
					consoleErrors.add(message.text());
				}
			});
			signIn(page, "auditadmin");
			page.click("#nav-audit");
			page.waitForURL("**/admin/audit");
			assertThat(page.locator("#audit-events tbody tr").count()).isPositive();
			screenshot(page, "audit-search");

			page.fill("#filter-action", "auth.");
			page.click("#audit-search");
			page.waitForURL("**action=auth.**");
			assertThat(page.locator("#audit-events tbody tr").count()).isPositive();

			page.click("#audit-verify");
			page.waitForURL("**/admin/audit/verify");
			assertThat(page.locator("#verify-intact").textContent()).contains("审计链完整");
			screenshot(page, "audit-verify");

			page.navigate(url("/admin/audit/checkpoints"));
			page.click("#checkpoint-now");
			page.waitForURL("**/admin/audit/checkpoints");
			assertThat(page.locator("#checkpoint-written").textContent()).contains("已写入检查点");
			assertThat(page.locator("#checkpoint-list tbody tr").count()).isPositive();
			screenshot(page, "audit-checkpoints");
			assertThat(consoleErrors).isEmpty();
		}
	}

}
