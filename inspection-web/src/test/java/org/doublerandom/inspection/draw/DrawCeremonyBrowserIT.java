package org.doublerandom.inspection.draw;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskService;
import org.doublerandom.inspection.web.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ceremony in a real Chromium: the SCJG officer pre-checks, freezes and commits, sees the drand round's
 * time and the refusal before it, enters the value once the (test) clock has passed it, draws and reviews the
 * teams; the public page then shows the commitment, the seed, the allocation and the teams. Screenshots under
 * {@code target/screenshots}.
 */
@Import(DrawFixtures.ClockConfiguration.class)
class DrawCeremonyBrowserIT extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlanService plans;

	@Autowired
	TaskService tasks;

	@Autowired
	DrawFixtures.MovableClock clock;

	@Test
	void anOfficerRunsTheCeremonyAndThePublicSeesTheResult() throws Exception {
		String tag = "drawbrowser-" + System.nanoTime() % 100_000_000L;
		DrawFixtures.targets(this.jdbc, tag, "A", "ACTIVE", 10);
		DrawFixtures.targets(this.jdbc, tag, "B", "ACTIVE", 8);
		DrawFixtures.targets(this.jdbc, tag, "C", "ACTIVE", 6);
		DrawFixtures.targets(this.jdbc, tag, "B", "DEREGISTERED", 2);
		Task task = DrawFixtures.task(this.plans, this.tasks, this.jdbc, tag, this.clock);
		List<String> consoleErrors = new ArrayList<>();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900))) {
			Page page = context.newPage();
			page.onConsoleMessage(m -> {
				if ("error".equals(m.type())) {
					consoleErrors.add(m.text());
				}
			});
			signIn(page, "scjg-officer1");
			page.navigate(url("/tasks/" + task.getId()));
			page.click("#open-draw");
			page.waitForURL("**/tasks/" + task.getId() + "/draw");
			page.click("#draw-precheck");
			page.waitForLoadState();
			assertThat(page.textContent("#flash-message")).contains("预查比对已完成");
			assertThat(page.textContent("#draw-exclusions")).contains("已注销");
			// the lead department witnesses too: a malformed commitment is refused at its field, then a real one
			String reveal = "scjg-browser-witness-" + tag;
			page.fill("#commitment", "not-a-hash");
			page.click("#draw-witness-commit");
			page.waitForLoadState();
			assertThat(page.textContent("#witness-commit-form .invalid-feedback")).contains("64 位十六进制");
			page.fill("#commitment", SourceValue.WitnessReveal.commitmentOf(reveal));
			page.click("#draw-witness-commit");
			page.waitForLoadState();
			assertThat(page.textContent("#draw-witnesses")).contains(SourceValue.WitnessReveal.commitmentOf(reveal));
			screenshot(page, "draw-witness-committed");
			page.click("#draw-freeze");
			page.waitForLoadState();
			page.click("#draw-commit");
			page.waitForLoadState();
			assertThat(page.textContent("#draw-timing")).contains("在此之前无法");
			page.fill("#reveal", reveal);
			page.click("#draw-witness-reveal");
			page.waitForLoadState();
			assertThat(page.textContent("#flash-message")).contains("已揭示见证值");
			assertThat(page.textContent("#draw-witnesses")).contains("已揭示");
			long round = this.jdbc.queryForObject("select drand_round from draw where task_id = ?", Long.class, task.getId());
			page.fill("#randomness", "00".repeat(32));
			page.fill("#signature", "00".repeat(48));
			page.click("#draw-enter-drand");
			page.waitForLoadState();
			assertThat(page.textContent("#draw-refusal")).contains("第 " + round + " 轮要到");
			screenshot(page, "draw-ceremony-waiting");
			this.clock.advanceSeconds(700);
			byte[] signature = new byte[48];
			for (int i = 0; i < 48; i++) {
				signature[i] = (byte) (3 * i + 5);
			}
			page.fill("#randomness", Sha256.hex(Sha256.of(signature)));
			page.fill("#signature", Sha256.hex(signature));
			page.click("#draw-enter-drand");
			page.waitForLoadState();
			assertThat(page.textContent("#flash-message")).contains("随机源已录入");
			page.click("#draw-run");
			page.waitForLoadState();
			page.locator("#draw-teams tbody tr").first().waitFor();
			assertThat(page.textContent("#flash-message")).contains("抽取已完成");
			screenshot(page, "draw-ceremony-drawn");
			assertThat(page.locator("#draw-teams tbody tr").count()).isPositive();
			// 当面复核: the approver types their own password; a wrong one changes nothing
			String selected = this.jdbc.queryForObject("select s.target_id from draw_selected s join draw d on d.id = s.draw_id "
					+ "where d.task_id = ? and d.voided_at is null and not s.reserve and exists (select 1 from draw_selected r "
					+ "where r.draw_id = s.draw_id and r.reserve and r.stratum = s.stratum) order by s.stratum, s.position limit 1",
					String.class, task.getId());
			page.fill("#rt-target", selected);
			page.fill("#rt-reason", "DEREGISTERED");
			page.fill("#rt-approver", "scjg-manager");
			page.fill("#rt-approver-password", "not-the-password");
			page.click("#replace-target-form button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent("#draw-refusal")).contains("scjg-manager").contains("密码不正确");
			screenshot(page, "draw-approver-refused");
			page.fill("#rt-target", selected);
			page.fill("#rt-reason", "DEREGISTERED");
			page.fill("#rt-approver", "scjg-manager");
			page.fill("#rt-approver-password", "Ordos-Demo-2026");
			page.click("#replace-target-form button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent("#flash-message")).contains("变更已记录");
			screenshot(page, "draw-amended");
			page.click("#draw-confirm");
			page.waitForLoadState();
			assertThat(page.textContent("#flash-message")).contains("检查组已确认");
			page.click("#draw-dispatch");
			page.waitForLoadState();
			assertThat(page.textContent("#flash-message")).contains("任务已派发");
			assertThat(this.jdbc.queryForObject("select state from task where id = ?", String.class, task.getId()))
				.isEqualTo("DISPATCHED");
			page.click("#draw-public-link");
			page.waitForURL("**/public/draws/*");
			assertThat(page.textContent("#public-seed")).hasSize(64);
			assertThat(page.locator("#public-strata tbody tr").count()).isPositive();
			screenshot(page, "draw-public");
			page.navigate(url("/public/draws"));
			screenshot(page, "draw-public-list");
			Long demo = this.jdbc.queryForObject("select d.id from draw d join draw_result r on r.draw_id = d.id where d.demo "
					+ "order by d.id limit 1", Long.class);
			page.navigate(url("/public/draws/" + demo));
			assertThat(page.textContent("#public-draw-demo")).contains("演示");
			screenshot(page, "draw-public-demo");
		}
		assertThat(consoleErrors).isEmpty();
	}

}
