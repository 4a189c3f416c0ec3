package org.doublerandom.inspection.draw;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ceremony through its pages as the SCJG officer, then the public pages and the evidence download; the
 * downloaded package is re-derived by verifier/verify_draw.py (skipped without python3, unless
 * INSPECTION_REQUIRE_PYTHON=1). This context publishes full evidence (credit classes public).
 */
@SpringBootTest(properties = { "inspection.demo.enabled=true", "inspection.draw.public-full-evidence=true" })
@AutoConfigureMockMvc
@Import(DrawFixtures.ClockConfiguration.class)
class DrawPagesTests {

	static final Path SCRIPT = Path.of("..", "verifier", "verify_draw.py").toAbsolutePath().normalize();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlanService plans;

	@Autowired
	TaskService tasks;

	@Autowired
	DrawFixtures.MovableClock clock;

	MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.users.loadUserByUsername(username))).with(csrf());
	}

	String page(Task task) throws Exception {
		return this.mvc.perform(as("scjg-officer1", get("/tasks/{id}/draw", task.getId())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	void step(Task task, String step, String outcome, String... params) throws Exception {
		MockHttpServletRequestBuilder request = as("scjg-officer1", post("/tasks/{id}/draw/" + step, task.getId()));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		this.mvc.perform(request).andExpect(status().is3xxRedirection())
			.andExpect(outcome.startsWith("draw.refused") ? flash().attribute("refusal", outcome) : flash().attribute("message", outcome));
	}

	@Test
	void anOfficerWalksTheCeremonyAndAnyoneVerifiesTheDownloadedEvidence(@TempDir Path dir) throws Exception {
		String tag = "drawpage-" + System.nanoTime() % 100_000_000L;
		DrawFixtures.targets(this.jdbc, tag, "A", "ACTIVE", 6);
		DrawFixtures.targets(this.jdbc, tag, "B", "ACTIVE", 6);
		DrawFixtures.targets(this.jdbc, tag, "C", "REVOKED", 1);
		Task task = DrawFixtures.task(this.plans, this.tasks, this.jdbc, tag, this.clock);

		step(task, "freeze", "draw.refused.noPrecheck");
		step(task, "precheck", "draw.done.precheck");
		assertThat(page(task)).contains("id=\"draw-exclusions\"").contains("已吊销").contains("draw-freeze");
		Long drawId = this.jdbc.queryForObject("select id from draw where task_id = ?", Long.class, task.getId());
		// not public before its commitment
		this.mvc.perform(get("/public/draws/{id}", drawId)).andExpect(status().isNotFound());
		step(task, "freeze", "draw.done.freeze");
		step(task, "commit", "draw.done.commit");
		long round = this.jdbc.queryForObject("select drand_round from draw where id = ?", Long.class, drawId);
		String committed = page(task);
		assertThat(committed).contains("drand 第 " + round + " 轮将于").contains("尚未到时");
		step(task, "drand", "draw.refused.notDue", "round", String.valueOf(round), "randomness", "00", "signature", "00");
		step(task, "drand", "draw.refused.roundNumber", "round", "abc");
		this.clock.advanceSeconds(700);
		byte[] signature = new byte[48];
		for (int i = 0; i < 48; i++) {
			signature[i] = (byte) (7 * i + 1);
		}
		step(task, "drand", "draw.refused.drandValue", "round", String.valueOf(round), "randomness", "11".repeat(32),
				"signature", Sha256.hex(signature));
		step(task, "drand", "draw.done.source", "round", String.valueOf(round), "randomness",
				Sha256.hex(Sha256.of(signature)).toUpperCase(), "signature", " " + Sha256.hex(signature) + " ");
		step(task, "run", "draw.done.run");
		step(task, "run", "draw.done.run");
		assertThat(this.jdbc.queryForObject("select count(*) from draw_result where draw_id = ?", Long.class, drawId)).isOne();
		String drawn = page(task);
		assertThat(drawn).contains("id=\"draw-teams\"").contains("id=\"draw-history\"").contains("scjg-officer1");
		step(task, "replace-target", "draw.refused.secondPerson", "target", "x", "reason", "DEREGISTERED", "approver", "scjg-officer1", "approverPassword", "Ordos-Demo-2026");

		String list = this.mvc.perform(get("/public/draws")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("/public/draws/" + drawId);
		String seed = this.jdbc.queryForObject("select seed from draw_result where draw_id = ?", String.class, drawId);
		String detail = this.mvc.perform(get("/public/draws/{id}", drawId)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).contains(seed).contains("id=\"public-strata\"").contains("id=\"public-teams\"")
			.doesNotContain("演示值");
		byte[] zip = this.mvc.perform(get("/public/draws/{id}/evidence", drawId)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		DrawCeremonyTests.unzip(zip, dir);
		Path pkg = dir.resolve("draw-" + drawId);
		assertThat(pkg.resolve("pool.csv")).exists();
		assertThat(EvidencePackage.check(pkg)).isEmpty();

		boolean python;
		try {
			python = new ProcessBuilder("python3", "--version").start().waitFor() == 0;
		}
		catch (java.io.IOException ex) {
			python = false;
		}
		if ("1".equals(System.getenv("INSPECTION_REQUIRE_PYTHON"))) {
			assertThat(python).as("python3 is required (INSPECTION_REQUIRE_PYTHON=1)").isTrue();
		}
		assumeTrue(python, "python3 not found: the independent verifier is not run");
		Process p = new ProcessBuilder("python3", SCRIPT.toString(), pkg.toString()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(out).isEqualTo("VERIFIED");
		// and a tampered package is rejected
		Path pool = pkg.resolve("pool.csv");
		Files.writeString(pool, Files.readString(pool).replaceFirst(",A,", ",B,"));
		Process q = new ProcessBuilder("python3", SCRIPT.toString(), pkg.toString()).redirectErrorStream(true).start();
		String rejected = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(q.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(rejected).startsWith("NOT VERIFIED");
	}

	@Test
	void targetsOnAnotherOpenTasksListForTheSameItemAreExcludedAndAMergeIsOffered() throws Exception {
		String tag = "drawmerge-" + System.nanoTime() % 100_000_000L;
		DrawFixtures.targets(this.jdbc, tag, "A", "ACTIVE", 4);
		DrawFixtures.targets(this.jdbc, tag, "B", "ACTIVE", 6);
		Task first = DrawFixtures.task(this.plans, this.tasks, this.jdbc, tag, this.clock);
		step(first, "precheck", "draw.done.precheck");
		step(first, "freeze", "draw.done.freeze");
		step(first, "commit", "draw.done.commit");
		Long firstDraw = this.jdbc.queryForObject("select id from draw where task_id = ?", Long.class, first.getId());
		long round = this.jdbc.queryForObject("select drand_round from draw where id = ?", Long.class, firstDraw);
		this.clock.advanceSeconds(700);
		byte[] signature = new byte[48];
		for (int i = 0; i < 48; i++) {
			signature[i] = (byte) (3 * i + 5);
		}
		step(first, "drand", "draw.done.source", "round", String.valueOf(round), "randomness",
				Sha256.hex(Sha256.of(signature)), "signature", Sha256.hex(signature));
		step(first, "run", "draw.done.run");
		long drawn = this.jdbc.queryForObject("select count(*) from draw_selected where draw_id = ? and not reserve", Long.class,
				firstDraw);
		assertThat(drawn).isPositive();

		// a second task over the same firms for the same item: the ones on the first task's list are not drawn again
		Task second = DrawFixtures.task(this.plans, this.tasks, this.jdbc, tag, this.clock);
		step(second, "precheck", "draw.done.precheck");
		Long secondDraw = this.jdbc.queryForObject("select id from draw where task_id = ?", Long.class, second.getId());
		assertThat(this.jdbc.queryForObject("select count(*) from draw_pool where draw_id = ? and excluded = 'IN_OPEN_TASK'",
				Long.class, secondDraw)).isEqualTo(drawn);
		assertThat(page(second)).contains("id=\"draw-merge-offer\"").contains(drawn + " 户检查对象已在其他在办任务中")
			.contains("/plans/overlaps?year=");
		assertThat(page(first)).doesNotContain("id=\"draw-merge-offer\"");
	}

	@Test
	void theDemoJointDrawIsPublicWithItsDemoValuesMarkedAndAnUnknownDrawIsNotFound() throws Exception {
		Long demo = this.jdbc.queryForObject("select d.id from draw d join draw_result r on r.draw_id = d.id where d.demo "
				+ "order by d.id limit 1", Long.class);
		String detail = this.mvc.perform(get("/public/draws/{id}", demo)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).contains("id=\"public-draw-demo\"").contains("演示值");
		this.mvc.perform(get("/public/draws/{id}", 987_654_321L)).andExpect(status().isNotFound());
		this.mvc.perform(get("/public/draws/{id}/evidence", 987_654_321L)).andExpect(status().isNotFound());
		Long waiting = this.jdbc.queryForObject("select d.id from draw d where d.plan_hash is not null and not exists "
				+ "(select 1 from draw_result r where r.draw_id = d.id) order by d.id limit 1", Long.class);
		this.mvc.perform(get("/public/draws/{id}/evidence", waiting)).andExpect(status().isNotFound());
		this.mvc.perform(as("wsjk-officer", get("/tasks/{id}/draw", this.jdbc.queryForObject(
				"select task_id from draw where id = ?", Long.class, waiting)))).andExpect(status().isOk());
	}

}
