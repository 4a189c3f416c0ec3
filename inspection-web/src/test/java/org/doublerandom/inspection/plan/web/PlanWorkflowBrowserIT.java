package org.doublerandom.inspection.plan.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.doublerandom.inspection.web.BrowserTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A joint plan of three departments in a real Chromium: the bureau's coordinator drafts it with one entry of
 * the market-regulation bureau, the health commission and the ecology bureau (watching the live preview),
 * submits, approves and publishes it; the health commission cannot read it before publication and can after;
 * the public site then shows it without sign-in. Screenshots under {@code target/screenshots}.
 */
class PlanWorkflowBrowserIT extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	Long department(String code) {
		return this.jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

	BrowserContext context() {
		return browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
	}

	@Test
	void aJointPlanOfThreeDepartmentsGoesFromDraftToPublishedAndThePublicSiteShowsIt() throws Exception {
		Long scjg = department("SCJG");
		Long wsjk = department("WSJK");
		Long sthj = department("STHJ");
		String name = "浏览器测试联合抽查计划" + (System.nanoTime() % 100000);
		String planUrl;
		List<String> consoleErrors = new ArrayList<>();
		try (BrowserContext context = context()) {
			Page page = context.newPage();
			page.onConsoleMessage(message -> {
				if ("error".equals(message.type())) {
					consoleErrors.add(message.text());
				}
			});
			page.onDialog(dialog -> dialog.accept());
			signIn(page, "bureau");
			page.click("#nav-plans");
			page.waitForURL("**/plans");
			screenshot(page, "plans-list");
			page.click("#new-joint-plan");
			page.fill("#name", name);
			page.click("#save-plan");
			page.waitForURL("**/plans/*");
			planUrl = page.url();
			assertThat(page.locator(".plan-state").first().textContent()).isEqualTo("草稿");

			page.click("#new-entry");
			page.waitForURL("**/entries/new");
			page.fill("#name", "餐饮住宿单位三部门联合检查");
			page.selectOption("#officers-" + wsjk, wsjk + ":1");
			page.selectOption("#officers-" + sthj, sthj + ":1");
			page.check("input[name=itemKeys][value='" + scjg + ":D:SCJG-002']");
			page.check("input[name=itemKeys][value='" + wsjk + ":D:WSJK-001']");
			page.check("input[name=itemKeys][value='" + sthj + ":D:STHJ-002']");
			page.selectOption("#scopeIndustries", "H");
			page.waitForSelector("#preview-table");
			page.waitForTimeout(1500);
			assertThat(page.locator("#preview-matching-total").textContent()).matches("[0-9,]+");
			screenshot(page, "plans-entry-form");
			page.click("#save-entry");
			page.waitForURL("**/plans/*#entries");
			assertThat(page.locator(".plan-entry .entry-name").first().textContent()).isEqualTo("餐饮住宿单位三部门联合检查");
			assertThat(page.locator(".plan-entry").first().textContent()).contains("SCJG-002", "WSJK-001", "STHJ-002");

			page.click("#submit-plan");
			page.waitForLoadState();
			assertThat(page.locator("#flash-message").textContent()).contains("已提交");
		}

		// the health commission takes part but may not read the joint plan before it is published
		try (BrowserContext context = context()) {
			Page page = context.newPage();
			signIn(page, "wsjk-officer");
			Response response = page.navigate(planUrl);
			assertThat(response.status()).isEqualTo(404);
		}

		try (BrowserContext context = context()) {
			Page page = context.newPage();
			page.onDialog(dialog -> dialog.accept());
			signIn(page, "bureau");
			page.navigate(planUrl);
			screenshot(page, "plans-submitted");
			page.click("#approve-plan");
			page.waitForLoadState();
			assertThat(page.locator("#flash-message").textContent()).contains("审批通过");
			page.click("#publish-plan");
			page.waitForLoadState();
			assertThat(page.locator("#flash-message").textContent()).contains("已公示");
			assertThat(page.locator("#history").textContent()).contains("公示计划", "审批计划", "提交计划审批");
			screenshot(page, "plans-published");
			// the demo joint plan's task, ready to draw, and its printable notice
			page.navigate(url("/tasks"));
			page.locator("#tasks a").first().click();
			page.waitForLoadState();
			assertThat(page.locator("#task-states li[aria-current=step]").textContent()).isEqualTo("已创建");
			screenshot(page, "tasks-detail");
			page.click("#print-notice");
			page.waitForLoadState();
			screenshot(page, "tasks-notice");
		}

		try (BrowserContext context = context()) {
			Page page = context.newPage();
			signIn(page, "wsjk-officer");
			Response response = page.navigate(planUrl);
			assertThat(response.status()).isEqualTo(200);
			assertThat(page.locator("#approve-plan, #publish-plan, #submit-plan").count()).isZero();
		}

		try (BrowserContext context = context()) {
			Page page = context.newPage();
			page.navigate(url("/public/plans"));
			assertThat(page.locator("#public-plans").textContent()).contains(name);
			screenshot(page, "public-plans");
			page.locator("#public-plans a", new Page.LocatorOptions().setHasText(name)).click();
			page.waitForLoadState();
			assertThat(page.locator("#public-plan-name").textContent()).isEqualTo(name);
			assertThat(page.locator("#public-entries").textContent()).contains("市场监管局", "卫健委", "生态环境局",
					"食品经营许可检查", "公共场所卫生监督检查", "饮食业油烟排放检查");
			screenshot(page, "public-plan-detail");
			page.navigate(url("/public/tasks"));
			assertThat(page.locator("#public-tasks tbody tr").count()).isGreaterThanOrEqualTo(1);
			screenshot(page, "public-tasks");
		}
		assertThat(consoleErrors).isEmpty();
	}

}
