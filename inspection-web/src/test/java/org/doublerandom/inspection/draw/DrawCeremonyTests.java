package org.doublerandom.inspection.draw;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskService;
import org.doublerandom.inspection.task.TaskState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ceremony on the real schema: pre-check with its exclusion reasons, freeze, commit, the timing of the
 * drand round, the draw stored once (twice pressed, 50 at once, or crashed half-way), the database refusing
 * changes to what the commitment binds, amendments and voids by two people, and the evidence package
 * re-derived by the draw's own checker.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@Import(DrawFixtures.ClockConfiguration.class)
class DrawCeremonyTests {

	@Autowired
	org.doublerandom.inspection.account.UserAccounts accounts;

	@Autowired
	org.doublerandom.inspection.account.SignInFailures failures;

	@Autowired
	DrawCeremonyService ceremony;

	@Autowired
	PlanService plans;

	@Autowired
	TaskService tasks;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DrawFixtures.MovableClock clock;

	String tag;

	@BeforeEach
	void tag() {
		this.tag = "drawtest-" + System.nanoTime() % 100_000_000L;
	}

	@AfterEach
	void nobody() {
		SecurityContextHolder.clearContext();
		target().faultAfterStore = null;
	}

	/** A task with 8 A, 6 B and 4 C eligible targets, 2 deregistered and 1 inspected for the item last month. */
	Task task() {
		DrawFixtures.targets(this.jdbc, this.tag, "A", "ACTIVE", 8);
		DrawFixtures.targets(this.jdbc, this.tag, "B", "ACTIVE", 6);
		DrawFixtures.targets(this.jdbc, this.tag, "C", "ACTIVE", 4);
		DrawFixtures.targets(this.jdbc, this.tag, "B", "DEREGISTERED", 2);
		Long inspected = DrawFixtures.targets(this.jdbc, this.tag, "C", "ACTIVE", 1).get(0);
		this.jdbc.update("insert into target_item_inspection (target_id, department_id, item_code, last_inspected_on) "
				+ "values (?, ?, 'SCJG-001', ?)", inspected, DrawFixtures.department(this.jdbc, "SCJG"),
				LocalDate.now(this.clock).minusMonths(1));
		return DrawFixtures.task(this.plans, this.tasks, this.jdbc, this.tag, this.clock);
	}

	/** Pre-check, freeze and commit as the SCJG officer; the drand round then due. */
	long committed(Task task) {
		DrawFixtures.as(this.users, "scjg-officer1");
		this.ceremony.precheck(task.getId());
		this.ceremony.freeze(task.getId());
		this.ceremony.commit(task.getId());
		return this.ceremony.ceremony(task.getId()).draw().orElseThrow().drandRound();
	}

	/** A well-formed drand value for the round (synthetic: randomness = SHA-256(signature)). */
	void enterDrand(Task task, long round) {
		byte[] signature = new byte[48];
		for (int i = 0; i < 48; i++) {
			signature[i] = (byte) (round + i);
		}
		this.clock.advanceSeconds(700);
		this.ceremony.enterDrand(task.getId(), round, Sha256.hex(Sha256.of(signature)), Sha256.hex(signature));
	}

	State state(Task task) {
		return new State(this.jdbc.queryForObject("select state from task where id = ?", String.class, task.getId()));
	}

	record State(String name) {
	}

	long drawId(Task task) {
		return this.jdbc.queryForObject("select id from draw where task_id = ? and voided_at is null", Long.class, task.getId());
	}

	@Test
	void precheckRecordsEveryExclusionWithItsReason() {
		Task task = task();
		DrawFixtures.as(this.users, "scjg-officer1");
		this.ceremony.precheck(task.getId());
		DrawCeremonyService.Ceremony c = this.ceremony.ceremony(task.getId());
		assertThat(c.exclusions()).containsEntry("", 18L).containsEntry("DEREGISTERED", 2L).containsEntry("INSPECTED_RECENTLY", 1L);
		assertThat(state(task).name()).isEqualTo("CREATED");
	}

	@Test
	void theCeremonyStepsThroughTheTaskStatesAndTheEvidenceReDerives(@TempDir Path dir) throws IOException {
		Task task = task();
		long round = committed(task);
		assertThat(state(task).name()).isEqualTo("COMMITTED");
		DrawStore.Stored draw = this.ceremony.ceremony(task.getId()).draw().orElseThrow();
		assertThat(draw.planHash()).isEqualTo(Sha256.hex(Sha256.of(draw.planJson())));
		assertThat(draw.drandDueAt()).isEqualTo(DrandQuicknet.timeOf(round));
		// nothing can be entered before the round is due
		assertThatThrownBy(() -> this.ceremony.enterDrand(task.getId(), round, "00".repeat(32), "00".repeat(48)))
			.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.notDue");
		this.clock.advanceSeconds(700);
		assertThatThrownBy(() -> this.ceremony.enterDrand(task.getId(), round, "00".repeat(32), "00".repeat(48)))
			.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.drandValue");
		assertThatThrownBy(() -> this.ceremony.enterDrand(task.getId(), round + 1, "00".repeat(32), "00".repeat(48)))
			.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.drandRound");
		assertThatThrownBy(() -> this.ceremony.draw(task.getId())).isInstanceOf(DomainException.class)
			.extracting("messageKey").isEqualTo("draw.refused.sourcesMissing");
		enterDrand(task, round);
		DrawStore.ResultSummary first = this.ceremony.draw(task.getId());
		DrawStore.ResultSummary second = this.ceremony.draw(task.getId());
		assertThat(second.digest()).isEqualTo(first.digest());
		assertThat(state(task).name()).isEqualTo("DRAWN");
		assertThat(this.jdbc.queryForObject("select count(*) from draw_result where draw_id = ?", Long.class, drawId(task)))
			.isEqualTo(1);
		// A: count 1 (the class total, shared by Hamilton); B: 50 % of 6 over two regions (3+3 → 2+2); C: 50 % of 4 (2+2 → 1+1)
		assertThat(first.selectedCount()).isEqualTo(1 + 4 + 2);
		unzip(evidence(drawId(task), true), dir);
		Path pkg = dir.resolve("draw-" + drawId(task));
		assertThat(EvidencePackage.check(pkg)).isEmpty();
		// the files streamed by COPY are the rows' lines in bytewise order; result.json is the stored bytes, whose digest
		// the draw answered with
		StringBuilder pool = new StringBuilder("target_id,credit_class,region,excluded\n");
		this.jdbc.queryForList("select target_id || ',' || stratum_values || ',' || coalesce(excluded, '') from draw_pool "
				+ "where draw_id = ? order by convert_to(target_id, 'UTF8')", String.class, drawId(task))
			.forEach(line -> pool.append(line).append('\n'));
		assertThat(Files.readString(pkg.resolve("pool.csv"))).isEqualTo(pool.toString());
		byte[] stored = this.jdbc.queryForObject("select result_json from draw_result where draw_id = ?", byte[].class,
				drawId(task));
		assertThat(Files.readAllBytes(pkg.resolve("result.json"))).isEqualTo(stored);
		assertThat(((java.util.Map<?, ?>) CanonicalJson.parseCanonical(stored, "result.json")).get("digest"))
			.isEqualTo(first.digest());
		assertThat(this.ceremony.ceremony(task.getId()).history()).extracting("action")
			.contains("draw.precheck", "draw.freeze", "draw.commit", "draw.source", "draw.run");
	}

	@Test
	void theFetcherEntersTheDueRoundOnlyFromAValidAnswerAndOtherwiseTheDrawWaits() {
		Task task = task();
		long round = committed(task);
		byte[] signature = new byte[48];
		for (int i = 0; i < 48; i++) {
			signature[i] = (byte) (round * 7 + i);
		}
		SourceValue.DrandValue value = new SourceValue.DrandValue(round, Sha256.hex(Sha256.of(signature)), Sha256.hex(signature));
		DrandRelay answers = r -> (r == round) ? java.util.Optional.of(value) : java.util.Optional.empty();
		DrandRelay silent = r -> java.util.Optional.empty();
		DrandRelay misdirected = r -> java.util.Optional.of(new SourceValue.DrandValue(round + 1, value.randomness(), value.signature()));
		DrawFixtures.asSystem();
		// not due yet: nothing is asked for
		assertThat(this.ceremony.awaitingDrand()).doesNotContain(task.getId());
		assertThat(this.ceremony.fetchDrand(task.getId(), answers)).isFalse();
		this.clock.advanceSeconds(700);
		assertThat(this.ceremony.awaitingDrand()).contains(task.getId());
		assertThat(this.ceremony.fetchDrand(task.getId(), silent)).isFalse();
		assertThat(this.ceremony.fetchDrand(task.getId(), misdirected)).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from draw_source_value where draw_id = ?", Long.class, drawId(task)))
			.isZero();
		assertThat(this.ceremony.fetchDrand(task.getId(), answers)).isTrue();
		assertThat(this.jdbc.queryForObject("select entered_by from draw_source_value where draw_id = ?", String.class,
				drawId(task))).isEqualTo("system");
		assertThat(this.ceremony.awaitingDrand()).doesNotContain(task.getId());
		DrawFixtures.as(this.users, "scjg-officer1");
		assertThat(this.ceremony.draw(task.getId()).status()).isEqualTo("ASSIGNED");
	}

	@Test
	void theDatabaseRefusesChangesToFrozenInputsTheCommitmentAndTheResult() {
		Task task = task();
		long round = committed(task);
		long draw = drawId(task);
		assertThatThrownBy(() -> this.jdbc.update("update draw_pool set excluded = null where draw_id = ?", draw))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("frozen");
		assertThatThrownBy(() -> this.jdbc.update("delete from draw_roster where draw_id = ?", draw))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("frozen");
		assertThatThrownBy(() -> this.jdbc.update("insert into draw_history (draw_id, target_id, inspector_id) values (?, 'X', 'I-1')", draw))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("frozen");
		assertThatThrownBy(() -> this.jdbc.update("update draw set plan_hash = repeat('0', 64) where id = ?", draw))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("committed plan");
		enterDrand(task, round);
		this.ceremony.draw(task.getId());
		assertThatThrownBy(() -> this.jdbc.update("update draw_result set seed = repeat('0', 64) where draw_id = ?", draw))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("written once");
		assertThatThrownBy(() -> this.jdbc.update("delete from draw_selected where draw_id = ?", draw))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("written once");
		assertThatThrownBy(() -> this.jdbc.update("update draw_source_value set entered_by = 'x' where draw_id = ?", draw))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("drawn draw");
		assertThatThrownBy(() -> this.jdbc.update("insert into draw_result (draw_id, seed, result_json, digest, status, "
				+ "selected_count, drawn_at, drawn_by) values (?, repeat('0', 64), '\\x00', repeat('0', 64), 'ASSIGNED', 0, now(), 'x')",
				draw)).isInstanceOf(DataAccessException.class);
	}

	@Test
	void fiftySimultaneousDrawsStoreOneResult() throws Exception {
		Task task = task();
		long round = committed(task);
		enterDrand(task, round);
		SecurityContextHolder.clearContext();
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> futures = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			Callable<String> press = () -> {
				DrawFixtures.as(this.users, "scjg-officer1");
				start.await();
				try {
					return this.ceremony.draw(task.getId()).digest();
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			};
			futures.add(pool.submit(press));
		}
		start.countDown();
		Set<String> digests = ConcurrentHashMap.newKeySet();
		for (Future<String> f : futures) {
			digests.add(f.get());
		}
		pool.shutdown();
		assertThat(digests).hasSize(1);
		assertThat(this.jdbc.queryForObject("select count(*) from draw_result where draw_id = ?", Long.class, drawId(task)))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'draw.run' and object_id = ?",
				Long.class, String.valueOf(task.getId()))).isEqualTo(1);
		assertThat(state(task).name()).isEqualTo("DRAWN");
	}

	@Test
	void aCrashMidDrawLeavesNoPartialResultAndTheRetryIsIdentical() {
		Task task = task();
		long round = committed(task);
		enterDrand(task, round);
		long draw = drawId(task);
		Set<String> seenBeforeCrash = new HashSet<>();
		target().faultAfterStore = () -> {
			seenBeforeCrash.add(this.jdbc.queryForObject("select digest from draw_result where draw_id = ?", String.class, draw));
			throw new IllegalStateException("crash in the middle of the draw");
		};
		assertThatThrownBy(() -> this.ceremony.draw(task.getId())).hasMessageContaining("crash");
		assertThat(seenBeforeCrash).hasSize(1);
		assertThat(this.jdbc.queryForObject("select count(*) from draw_result where draw_id = ?", Long.class, draw)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from draw_selected where draw_id = ?", Long.class, draw)).isZero();
		assertThat(state(task).name()).isEqualTo("COMMITTED");
		target().faultAfterStore = null;
		assertThat(this.ceremony.draw(task.getId()).digest()).isEqualTo(seenBeforeCrash.iterator().next());
	}

	@Test
	void amendmentsAndVoidsNeedASecondPersonAndFollowTheRule(@TempDir Path dir) throws IOException {
		Task task = task();
		long round = committed(task);
		enterDrand(task, round);
		DrawStore.ResultSummary result = this.ceremony.draw(task.getId());
		long draw = drawId(task);
		String selected = this.jdbc.queryForObject("select target_id from draw_selected where draw_id = ? and not reserve "
				+ "and stratum like 'A/%' and position = 1", String.class, draw);
		String reserve = this.jdbc.queryForObject("select target_id from draw_selected where draw_id = ? and reserve "
				+ "and stratum = (select stratum from draw_selected where draw_id = ? and target_id = ?) order by position limit 1",
				String.class, draw, draw, selected);
		assertThatThrownBy(() -> this.ceremony.replaceTarget(task.getId(), selected, "DEREGISTERED", approval("scjg-officer1")))
			.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.secondPerson");
		// the approver is a real account with the authority: a manager of another department or a name that is no account is refused
		assertThatThrownBy(() -> this.ceremony.replaceTarget(task.getId(), selected, "DEREGISTERED", approval("wsjk-manager")))
			.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.approverRole");
		assertThatThrownBy(() -> this.ceremony.replaceTarget(task.getId(), selected, "DEREGISTERED", approval("王科长")))
			.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.approverUnknown");
		Amendment a = this.ceremony.replaceTarget(task.getId(), selected, "DEREGISTERED", approval("scjg-manager"));
		assertThat(((Amendment.TargetReplaced) a).replacement()).isEqualTo(reserve);
		assertThat(this.ceremony.draw(task.getId()).digest()).isEqualTo(result.digest());
		unzip(evidence(draw, true), dir);
		assertThat(EvidencePackage.check(dir.resolve("draw-" + draw))).isEmpty();
		assertThatThrownBy(() -> this.ceremony.voidDraw(task.getId(), "演示作废", approval("scjg-officer1")))
			.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.secondPerson");
		// a result exists: voiding it and committing again would be drawing again until someone likes it
		assertThatThrownBy(() -> this.ceremony.voidDraw(task.getId(), "结果不理想", approval("scjg-manager")))
			.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.voidAfterResult");
		assertThat(this.jdbc.queryForObject("select voided_at from draw where id = ?", java.sql.Timestamp.class, draw))
			.isNull();
	}

	static SecondApprover.Approval approval(String username) {
		return new SecondApprover.Approval(username, "Ordos-Demo-2026");
	}

	@Test
	void theApproverConfirmsInPersonAndWrongPasswordsCountTowardsTheirLock() {
		Task task = task();
		long round = committed(task);
		enterDrand(task, round);
		this.ceremony.draw(task.getId());
		long draw = drawId(task);
		String selected = this.jdbc.queryForObject("select target_id from draw_selected where draw_id = ? and not reserve "
				+ "and stratum like 'A/%' and position = 1", String.class, draw);
		Long manager = this.accounts.findByUsername("scjg-manager").orElseThrow().getId();
		try {
			assertThatThrownBy(() -> this.ceremony.replaceTarget(task.getId(), selected, "DEREGISTERED",
					new SecondApprover.Approval("scjg-manager", null)))
				.isInstanceOf(DomainException.class).extracting("messageKey", "field")
				.containsExactly("draw.refused.approverPassword", "approverPassword");
			for (int attempt = 1; attempt <= 4; attempt++) {
				SecondApprover.Approval wrong = new SecondApprover.Approval("scjg-manager", "not-the-password-" + attempt);
				assertThatThrownBy(() -> this.ceremony.replaceTarget(task.getId(), selected, "DEREGISTERED", wrong))
					.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.approverPassword");
			}
			// the fifth wrong password locks the approver's account, as five failed sign-ins would
			assertThatThrownBy(() -> this.ceremony.replaceTarget(task.getId(), selected, "DEREGISTERED",
					new SecondApprover.Approval("scjg-manager", "still-wrong")))
				.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.approverLocked");
			assertThatThrownBy(() -> this.ceremony.replaceTarget(task.getId(), selected, "DEREGISTERED", approval("scjg-manager")))
				.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.approverLocked");
			assertThat(this.jdbc.queryForObject("select count(*) from draw_amendment where draw_id = ?", Long.class, draw)).isZero();
		}
		finally {
			this.failures.clear(manager);
		}
		this.ceremony.replaceTarget(task.getId(), selected, "DEREGISTERED", approval("scjg-manager"));
		assertThat(this.jdbc.queryForObject("select count(*) from draw_amendment where draw_id = ?", Long.class, draw)).isOne();
	}

	@Test
	void aVoidBeforeTheDrawIsRecordedAndTheTaskStartsAgainWithANewCommitment() {
		Task task = task();
		long round = committed(task);
		long first = drawId(task);
		this.ceremony.voidDraw(task.getId(), "信标源永久失效（测试）", approval("scjg-manager"));
		assertThat(this.jdbc.queryForObject("select void_approver from draw where id = ?", String.class, first))
			.isEqualTo("scjg-manager");
		assertThat(state(task).name()).isEqualTo("CREATED");
		long again = committed(task);
		long second = drawId(task);
		assertThat(second).isNotEqualTo(first);
		assertThat(again).isGreaterThanOrEqualTo(round);
		assertThat(this.jdbc.queryForObject("select count(*) from draw where task_id = ?", Long.class, task.getId()))
			.isEqualTo(2);
	}

	@Test
	void anInfeasibleMatchingIsStoredWithItsDepartmentAndRuleAndCannotBeConfirmed() {
		List<Long> targets = DrawFixtures.targets(this.jdbc, this.tag, "B", "ACTIVE", 4);
		Task task = DrawFixtures.task(this.plans, this.tasks, this.jdbc, this.tag, this.clock, true);
		// every ecology officer declared a conflict with every target of this task
		for (Long target : targets) {
			this.jdbc.update("insert into inspector_conflict (inspector_id, target_id, reason, declared_on, declared_by) "
					+ "select i.id, ?, '亲属关系（测试）', current_date, 'test' from inspector i join department d "
					+ "on d.id = i.department_id where d.code = 'STHJ'", target);
		}
		long round = committed(task);
		enterDrand(task, round);
		DrawStore.ResultSummary result = this.ceremony.draw(task.getId());
		assertThat(result.status()).isEqualTo("INFEASIBLE");
		assertThat(result.infeasible()).startsWith("STHJ/OFFICER/CONFLICT/");
		assertThat(state(task).name()).isEqualTo("DRAWN");
		assertThatThrownBy(() -> this.ceremony.confirmTeams(task.getId(), result.digest()))
			.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.infeasible");
		// the inputs must change, so the draw is voided and the task starts again
		this.ceremony.voidDraw(task.getId(), "生态环境局检查人员全部回避，需补充人员", approval("scjg-manager"));
		assertThat(state(task).name()).isEqualTo("CREATED");
	}

	@Test
	void confirmingTheTeamsNamesTheResultShownAndThenTheTaskIsDispatched() {
		Task task = task();
		long round = committed(task);
		enterDrand(task, round);
		DrawStore.ResultSummary result = this.ceremony.draw(task.getId());
		assertThatThrownBy(() -> this.ceremony.confirmTeams(task.getId(), "0".repeat(64)))
			.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.digest");
		assertThatThrownBy(() -> this.ceremony.dispatch(task.getId()))
			.isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("draw.refused.state");
		this.ceremony.confirmTeams(task.getId(), result.digest());
		this.ceremony.dispatch(task.getId());
		assertThat(state(task).name()).isEqualTo("DISPATCHED");
	}

	@Test
	void onlyTheLeadDepartmentRunsTheCeremony() {
		Task task = task();
		DrawFixtures.as(this.users, "wsjk-officer");
		assertThatThrownBy(() -> this.ceremony.precheck(task.getId())).isInstanceOf(NotFoundException.class);
		DrawFixtures.as(this.users, "wsjk-manager");
		assertThatThrownBy(() -> this.ceremony.freeze(task.getId())).isInstanceOf(NotFoundException.class);
		assertThat(state(task).name()).isEqualTo("CREATED");
	}

	@Test
	void thePublicVariantPublishesCountsAndTheMerkleRootInsteadOfThePool() throws IOException {
		Task task = task();
		long round = committed(task);
		enterDrand(task, round);
		this.ceremony.draw(task.getId());
		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(evidence(drawId(task), false)))) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				names.add(e.getName().substring(e.getName().indexOf('/') + 1));
			}
		}
		assertThat(names).contains("pool-summary.json", "plan.json", "result.json", "roster.csv")
			.doesNotContain("pool.csv", "conflicts.csv");
	}

	/** The service behind its transaction proxy, where the test hook lives. */
	DrawCeremonyService target() {
		return org.springframework.test.util.AopTestUtils.getTargetObject(this.ceremony);
	}

	byte[] evidence(long draw, boolean full) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.ceremony.writeEvidence(draw, full, out);
		return out.toByteArray();
	}

	static void unzip(byte[] bytes, Path dir) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
				Path file = dir.resolve(e.getName());
				Files.createDirectories(file.getParent());
				Files.write(file, zip.readAllBytes());
			}
		}
	}

	static TaskState unused() {
		return TaskState.CREATED;
	}

}
