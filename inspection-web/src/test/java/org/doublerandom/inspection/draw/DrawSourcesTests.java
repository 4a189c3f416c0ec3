package org.doublerandom.inspection.draw;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Randomness entered by people, through the pages: witness commitments of the participating departments before
 * the plan's commitment and their reveals before the drand round; the lottery numbers after the official draw,
 * with the announcement's address. Refusals name the field; every step is audited; the evidence re-derives.
 */
@SpringBootTest(properties = { "inspection.demo.enabled=true", "inspection.draw.lottery=true" })
@AutoConfigureMockMvc
@Import(DrawFixtures.ClockConfiguration.class)
class DrawSourcesTests {

	static final String SCJG_REVEAL = "scjg-witness-value-" + System.nanoTime();

	static final String STHJ_REVEAL = "sthj.witness.value." + System.nanoTime();

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

	@Autowired
	DrawCeremonyService ceremony;

	MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(this.users.loadUserByUsername(username))).with(csrf());
	}

	void step(String username, Task task, String step, String outcome, String field, String... params) throws Exception {
		MockHttpServletRequestBuilder request = as(username, post("/tasks/{id}/draw/" + step, task.getId()));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		var result = this.mvc.perform(request).andExpect(status().is3xxRedirection());
		if (outcome.startsWith("draw.refused")) {
			result.andExpect(flash().attribute("refusal", outcome)).andExpect(flash().attribute("refusalField", field));
		}
		else {
			result.andExpect(flash().attribute("message", outcome));
		}
	}

	String page(String username, Task task) throws Exception {
		return this.mvc.perform(as(username, get("/tasks/{id}/draw", task.getId()))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void witnessesCommitBeforeThePlanAndRevealBeforeTheRoundAndTheLotteryIsEnteredWithItsAnnouncement(@TempDir Path dir)
			throws Exception {
		String tag = "drawsrc-" + System.nanoTime() % 100_000_000L;
		DrawFixtures.targets(this.jdbc, tag, "B", "ACTIVE", 6);
		Task task = DrawFixtures.task(this.plans, this.tasks, this.jdbc, tag, this.clock, true);
		step("scjg-officer1", task, "precheck", "draw.done.precheck", null);
		Long drawId = this.jdbc.queryForObject("select id from draw where task_id = ?", Long.class, task.getId());

		// 承诺 by the two participating departments; the health commission takes no part
		step("scjg-officer1", task, "witness-commit", "draw.refused.witnessCommitment", "commitment", "commitment", "abc");
		step("scjg-officer1", task, "witness-commit", "draw.done.witnessCommit", null, "commitment",
				SourceValue.WitnessReveal.commitmentOf(SCJG_REVEAL).toUpperCase());
		step("sthj-officer", task, "witness-commit", "draw.done.witnessCommit", null, "commitment",
				SourceValue.WitnessReveal.commitmentOf(STHJ_REVEAL));
		this.mvc.perform(as("wsjk-officer", post("/tasks/{id}/draw/witness-commit", task.getId())).param("commitment", "00"))
			.andExpect(status().is4xxClientError());
		assertThat(page("sthj-officer", task)).contains("id=\"witness-commit-form\"").contains("以 STHJ 部门的名义见证");

		step("scjg-officer1", task, "freeze", "draw.done.freeze", null);
		step("scjg-officer1", task, "commit", "draw.done.commit", null);
		DrawPlan plan = DrawPlan.fromCanonicalBytes(this.jdbc.queryForObject("select plan_json from draw where id = ?",
				byte[].class, drawId));
		assertThat(plan.sources()).extracting(DrawPlan.Source::kind).containsExactly("drand", "lottery", "witness", "witness");
		assertThat(plan.sources().get(2)).isEqualTo(new DrawPlan.Witness("SCJG", SourceValue.WitnessReveal.commitmentOf(SCJG_REVEAL)));
		// the commitments are final: by the page and by the database
		step("sthj-officer", task, "witness-commit", "draw.refused.witnessLate", "commitment", "commitment", "0".repeat(64));
		assertThatThrownBy(() -> this.jdbc.update("update draw_witness set commitment = repeat('0', 64) where draw_id = ?", drawId))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("final");

		// 揭示: only the committed value, only before the round
		step("sthj-officer", task, "witness-reveal", "draw.refused.revealForm", "reveal", "reveal", "短");
		step("sthj-officer", task, "witness-reveal", "draw.refused.revealMismatch", "reveal", "reveal", SCJG_REVEAL);
		step("sthj-officer", task, "witness-reveal", "draw.done.witnessReveal", null, "reveal", STHJ_REVEAL);
		this.clock.advanceSeconds(700);
		step("scjg-officer1", task, "witness-reveal", "draw.refused.revealLate", "reveal", "reveal", SCJG_REVEAL);
		// the SCJG witness never revealed in time: the draw waits and can only be voided
		step("scjg-officer1", task, "run", "draw.refused.sourcesMissing", null);

		// the lottery, typed in from the official announcement
		long round = plan.sources().stream().filter(DrawPlan.Drand.class::isInstance).map(DrawPlan.Drand.class::cast)
			.findFirst().orElseThrow().round();
		byte[] signature = new byte[48];
		for (int i = 0; i < 48; i++) {
			signature[i] = (byte) (3 * i + 5);
		}
		step("scjg-officer1", task, "drand", "draw.done.source", null, "round", String.valueOf(round), "randomness",
				Sha256.hex(Sha256.of(signature)), "signature", Sha256.hex(signature));
		DrawPlan.Lottery lottery = (DrawPlan.Lottery) plan.sources().get(1);
		String day = lottery.after().plusDays(1).toString();
		String numbers = "03 07 11 15 19 22 28 31 36 40 44 47 52 58 61 66 70 73 77 80";
		String url = "https://www.cwl.gov.cn/ygkj/wqkjgg/kl8/";
		step("scjg-officer1", task, "lottery", "draw.refused.lotteryDate", "date", "issue", "2026321", "date", day, "numbers",
				numbers, "announcement", url);
		this.clock.advanceSeconds(2 * 86_400);
		step("scjg-officer1", task, "lottery", "draw.refused.announcement", "announcement", "issue", "2026321", "date", day,
				"numbers", numbers, "announcement", "http://www.cwl.gov.cn/kl8");
		step("scjg-officer1", task, "lottery", "draw.refused.announcement", "announcement", "issue", "2026321", "date", day,
				"numbers", numbers, "announcement", "https://cwl.gov.cn.example.com/kl8");
		step("scjg-officer1", task, "lottery", "draw.refused.lotteryDateForm", "date", "issue", "2026321", "date", "12月2日",
				"numbers", numbers, "announcement", url);
		step("scjg-officer1", task, "lottery", "draw.refused.lotteryNumbers", "numbers", "issue", "2026321", "date", day,
				"numbers", "三 七", "announcement", url);
		step("scjg-officer1", task, "lottery", "draw.refused.lotteryCount", "numbers", "issue", "2026321", "date", day,
				"numbers", "03 07 11", "announcement", url);
		step("scjg-officer1", task, "lottery", "draw.refused.lotteryCount", "numbers", "issue", "2026321", "date", day,
				"numbers", numbers.replace("80", "81"), "announcement", url);
		step("scjg-officer1", task, "lottery", "draw.refused.lotteryIssue", "issue", "issue", "第2026321期", "date", day,
				"numbers", numbers, "announcement", url);
		step("scjg-officer1", task, "lottery", "draw.done.source", null, "issue", "2026321", "date", day, "numbers",
				"80,77,73,70,66,61,58,52,47,44,40,36,31,28,22,19,15,11,07,03", "announcement", url);
		Map<String, Object> stored = this.jdbc.queryForMap("select value_json, reference from draw_source_value "
				+ "where draw_id = ? and kind = 'lottery'", drawId);
		assertThat(stored.get("value_json")).isEqualTo("{\"date\":\"" + day
				+ "\",\"issue\":\"2026321\",\"kind\":\"lottery\",\"numbers\":[3,7,11,15,19,22,28,31,36,40,44,47,52,58,61,66,70,73,77,80]}");
		assertThat(stored.get("reference")).isEqualTo(url);
		assertThat(page("scjg-officer1", task)).contains(url).contains("待揭示").contains("已揭示");
		assertThat(this.jdbc.queryForList("select action from audit_event where object_type = 'draw' and object_id = ?",
				String.class, String.valueOf(task.getId()))).contains("draw.witness.commit", "draw.source");
	}

	@Test
	void aDrawWithRevealedWitnessesAndALotteryReDerivesFromItsEvidence(@TempDir Path dir) throws Exception {
		String tag = "drawsrc2-" + System.nanoTime() % 100_000_000L;
		DrawFixtures.targets(this.jdbc, tag, "B", "ACTIVE", 6);
		Task task = DrawFixtures.task(this.plans, this.tasks, this.jdbc, tag, this.clock, true);
		step("scjg-officer1", task, "precheck", "draw.done.precheck", null);
		Long drawId = this.jdbc.queryForObject("select id from draw where task_id = ?", Long.class, task.getId());
		step("scjg-manager", task, "witness-commit", "draw.done.witnessCommit", null, "commitment",
				SourceValue.WitnessReveal.commitmentOf(SCJG_REVEAL));
		step("scjg-officer1", task, "freeze", "draw.done.freeze", null);
		step("scjg-officer1", task, "commit", "draw.done.commit", null);
		step("scjg-officer1", task, "witness-reveal", "draw.done.witnessReveal", null, "reveal", SCJG_REVEAL);
		DrawPlan plan = DrawPlan.fromCanonicalBytes(this.jdbc.queryForObject("select plan_json from draw where id = ?",
				byte[].class, drawId));
		this.clock.advanceSeconds(2 * 86_400);
		byte[] signature = new byte[48];
		for (int i = 0; i < 48; i++) {
			signature[i] = (byte) (11 * i + 2);
		}
		step("scjg-officer1", task, "drand", "draw.done.source", null, "round", String.valueOf(((DrawPlan.Drand) plan.sources()
			.get(0)).round()), "randomness", Sha256.hex(Sha256.of(signature)), "signature", Sha256.hex(signature));
		step("scjg-officer1", task, "lottery", "draw.done.source", null, "issue", "2026322", "date",
				((DrawPlan.Lottery) plan.sources().get(1)).after().plusDays(1).toString(), "numbers",
				"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20", "announcement", "https://www.cwl.gov.cn/kl8/2026322");
		step("scjg-officer1", task, "run", "draw.done.run", null);
		// the public package is downloadable; the full one (with pool.csv) re-derives
		this.mvc.perform(get("/public/draws/{id}/evidence", drawId)).andExpect(status().isOk());
		java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
		this.ceremony.writeEvidence(drawId, true, zip);
		DrawCeremonyTests.unzip(zip.toByteArray(), dir);
		assertThat(EvidencePackage.check(dir.resolve("draw-" + drawId))).isEmpty();
		List<String> kinds = this.jdbc.queryForList("select kind from draw_source_value where draw_id = ? order by position",
				String.class, drawId);
		assertThat(kinds).containsExactly("drand", "lottery", "witness");
	}


}
