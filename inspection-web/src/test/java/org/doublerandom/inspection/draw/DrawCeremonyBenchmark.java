package org.doublerandom.inspection.draw;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Supplier;

import org.doublerandom.inspection.plan.CreditBand;
import org.doublerandom.inspection.plan.EntryDetails;
import org.doublerandom.inspection.plan.ImplementationLevel;
import org.doublerandom.inspection.plan.Plan;
import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.plan.PlanType;
import org.doublerandom.inspection.plan.RoundingRule;
import org.doublerandom.inspection.plan.Sampling;
import org.doublerandom.inspection.plan.Selection;
import org.doublerandom.inspection.plan.TargetScope;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskDescription;
import org.doublerandom.inspection.task.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ceremony on a 2,000,000-target registry (issue 5, Performance): 720 strata (credit class A–D × 180
 * regions), rates 1 %/2 %/10 %/30 % by class. In the same run it measures (a) merely streaming the frozen
 * pool's (identifier, stratum) columns out of PostgreSQL and (b) the selection step over that same stream
 * (target: b ≤ 1.5 × a), then freeze + commit + draw (select, match, store) through
 * {@link DrawCeremonyService} (target: under 20 s). Not part of the normal build:
 * {@code ./mvnw -Pbench -pl inspection-web -am verify -Dtest=DrawCeremonyBenchmark}. Writes
 * {@code target/bench/draw-ceremony.md}.
 */
@Tag("bench")
@SpringBootTest(properties = "inspection.demo.enabled=true")
@Import(DrawFixtures.ClockConfiguration.class)
class DrawCeremonyBenchmark {

	static final int TARGETS = Integer.getInteger("inspection.bench.targets", 2_000_000);

	static final int REGIONS = 180;

	@Autowired
	DrawCeremonyService ceremony;

	@Autowired
	DrawStore store;

	@Autowired
	PlanService plans;

	@Autowired
	TaskService tasks;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DrawFixtures.MovableClock clock;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void ceremonyOverTwoMillionTargets() throws Exception {
		long t0 = System.nanoTime();
		// a bench city of 180 fictitious districts (159001…159180) under 159000, so the scope is this registry alone
		this.jdbc.update("insert into region (code, name, name_en, parent_code, level, sort_order) "
				+ "values ('159000', '基准测试市', 'Bench City', null, 'CITY', 900) on conflict do nothing");
		this.jdbc.update("insert into region (code, name, name_en, parent_code, level, sort_order) "
				+ "select (159000 + i)::text, '基准测试区' || i, 'Bench district ' || i, '159000', 'COUNTY', 900 + i "
				+ "from generate_series(1, ?) i on conflict do nothing", REGIONS);
		this.jdbc.update("""
				insert into target (kind, code_type, code, name, region_code, status, credit_class, credit_class_on,
				                    created_at, updated_at)
				select 'ENTERPRISE', 'REGISTRATION_NO', (800000000000000 + i)::text, '抽取基准商户' || i,
				       (159001 + (i / 4) % ?)::text, case when i % 50 = 0 then 'DEREGISTERED' else 'ACTIVE' end,
				       (array['A','B','C','D'])[1 + i % 4], date '2025-12-31', now(), now()
				from generate_series(1, ?) as i
				where not exists (select 1 from target where code = '800000000000001')""", REGIONS, TARGETS);
		this.jdbc.execute("analyze target");
		double fill = seconds(t0);

		Task task = task();
		DrawFixtures.as(this.users, "scjg-officer1");
		Phase precheck = Phase.time(this, () -> this.ceremony.precheck(task.getId()));
		long drawId = this.jdbc.queryForObject("select id from draw where task_id = ? and voided_at is null", Long.class,
				task.getId());
		this.jdbc.execute("analyze draw_pool");

		Phase freeze = Phase.time(this, () -> this.ceremony.freeze(task.getId()));
		Phase commit = Phase.time(this, () -> this.ceremony.commit(task.getId()));
		DrawStore.Stored draw = this.store.find(drawId).orElseThrow();
		this.clock.advanceSeconds(700);
		byte[] signature = new byte[48];
		for (int i = 0; i < 48; i++) {
			signature[i] = (byte) (draw.drandRound() + i);
		}
		this.ceremony.enterDrand(task.getId(), draw.drandRound(), Sha256.hex(Sha256.of(signature)), Sha256.hex(signature));
		DrawPlan plan = draw.plan();
		byte[] seed = Seed.derive(plan, List.of(new SourceValue.DrandValue(draw.drandRound(),
				Sha256.hex(Sha256.of(signature)), Sha256.hex(signature))));

		// (a) and (b) alternately, five times each after one unrecorded pair (the JIT compiles the reading and the
		// ranking loops during the first, on the same two cores), in read-only transactions like the draw's own
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions);
		readOnly.setReadOnly(true);
		List<Phase> streams = new ArrayList<>();
		List<Phase> selections = new ArrayList<>();
		List<Phase> warmUp = new ArrayList<>();
		TargetSelection.Selection[] selection = new TargetSelection.Selection[1];
		for (int run = -1; run < 5; run++) {
			Phase a = Phase.time(this, () -> readOnly.execute(s -> {
				long[] n = new long[1];
				this.store.candidates(drawId).forEachBytes((row, io, il, ko, kl) -> n[0] += il + kl);
				return n[0];
			}));
			Phase b = Phase.time(this, () -> readOnly.execute(s -> {
				SortedMap<String, Long> counts = this.store.strataCounts(drawId);
				selection[0] = TargetSelection.select(plan, seed, this.store.candidates(drawId), counts);
				return 0L;
			}));
			if (run < 0) {
				warmUp.add(a);
				warmUp.add(b);
			}
			else {
				streams.add(a);
				selections.add(b);
			}
		}
		Phase stream = Phase.median(streams);
		Phase select = Phase.median(selections);

		String parts = "";
		if (Boolean.getBoolean("inspection.bench.parts")) {
			// what the draw spends its time on, in a transaction rolled back (it warms the JIT for the draw below, so
			// it is off by default)
			List<SourceValue> values = List.of(new SourceValue.DrandValue(draw.drandRound(), Sha256.hex(Sha256.of(signature)),
					Sha256.hex(signature)));
			TransactionTemplate rolledBack = new TransactionTemplate(this.transactions);
			parts = rolledBack.execute(status -> {
				Draw[] d = new Draw[1];
				Phase inputs = Phase.time(this, () -> {
					this.store.roster(drawId);
					this.store.conflicts(drawId);
					this.store.history(drawId);
				});
				Phase run = Phase.time(this, () -> d[0] = Draw.run(plan, this.store.candidates(drawId),
						this.store.strataCounts(drawId), this.store.roster(drawId), this.store.conflicts(drawId),
						this.store.history(drawId), values));
				Phase encode = Phase.time(this, () -> d[0].result().encode());
				Phase stored = Phase.time(this, () -> this.store.storeResult(drawId, d[0].result(), "bench", this.clock.instant()));
				status.setRollbackOnly();
				return String.format("""

						The draw's parts (`-Dinspection.bench.parts=true`, measured before the draw in a transaction rolled back):

						| part | wall s | thread CPU s | JVM CPU s | PostgreSQL CPU s |
						|---|---|---|---|---|
						| read roster, conflicts, history | %s |
						| Draw.run: read them again, stream and rank the pool, match | %s |
						| result.json: one canonical pass (hash and length) | %s |
						| storeResult: encode, COPY result.json, COPY the rows | %s |
						""", inputs.row(), run.row(), encode.row(), stored.row());
			});
		}
		DrawStore.ResultSummary[] drawn = new DrawStore.ResultSummary[1];
		Phase run = Phase.time(this, () -> drawn[0] = this.ceremony.draw(task.getId()));
		DrawStore.ResultSummary result = drawn[0];
		long slots = this.jdbc.queryForObject("select count(*) from draw_team_slot where draw_id = ?", Long.class, drawId);
		long pool = this.store.count(drawId, DrawStore.InputFile.POOL);
		long eligible = this.store.strataCounts(drawId).values().stream().mapToLong(Long::longValue).sum();
		int strata = selection[0].strata().size();
		assertThat(result.selectedCount()).isEqualTo(selection[0].selectedIds().size());
		assertThat(strata).isGreaterThanOrEqualTo(700);
		double[] load = new double[3];
		java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		load[0] = os.getSystemLoadAverage();

		String md = String.format("""
				Registry: %,d targets in %d strata (pool %,d rows, %,d eligible; filled and analysed in %.0f s). Load average
				at the end: %.1f on %d cores.

				CPU columns: *thread* is the calling thread (ThreadMXBean), *JVM* the whole test JVM (all its threads, with
				the ranking thread and the garbage collector), *PostgreSQL* every process of the embedded cluster (its
				backends, writer and checkpointer, from /proc). On a shared machine the wall time grows with the load; the
				CPU times do not.

				| step | wall s | thread CPU s | JVM CPU s | PostgreSQL CPU s |
				|---|---|---|---|---|
				| pre-check (INSERT … SELECT of the pool, with exclusion reasons) | %s |
				| (a) stream the frozen pool's (identifier, stratum) columns out of PostgreSQL (median of 5) | %s |
				| (b) selection: strata counts + the same stream ranked into bounded heaps (median of 5) | %s |
				| (b) ÷ (a) | **%.2f** wall (target ≤ 1.5); %.2f in JVM + PostgreSQL CPU | | | |
				| freeze (roster, conflicts, history, strata; triggers) | %s |
				| commit (stream and hash the four files, Merkle root, plan) | %s |
				| draw (seed, selection, matching, store %,d selected + reserves and %,d team slots) | %s |
				| freeze + commit + draw | %s |

				Target for freeze + commit + draw: under 20 s (wall). All (b) runs (wall): %s; all (a) runs: %s; the unrecorded first (a), (b): %s. Result digest %s.
				""", TARGETS, strata, pool, eligible, fill, load[0], os.getAvailableProcessors(), precheck.row(), stream.row(),
				select.row(), select.wall() / stream.wall(), (select.jvm() + select.postgres()) / (stream.jvm() + stream.postgres()),
				freeze.row(), commit.row(), result.selectedCount(), slots, run.row(),
				Phase.sum(freeze, commit, run).row(true), selections.stream().map(Phase::rounded).toList(),
				streams.stream().map(Phase::rounded).toList(), warmUp.stream().map(Phase::rounded).toList(), result.digest()) + parts;
		Files.createDirectories(Path.of("target", "bench"));
		Files.writeString(Path.of("target", "bench", "draw-ceremony.md"), md);
		System.out.println("\nDRAW-CEREMONY-BENCH\n" + md + "\nmeasured on " + LocalDate.now() + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores, max heap "
				+ Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
	}

	/** Wall time and CPU time of one step, in seconds. */
	record Phase(double wall, double thread, double jvm, double postgres) {

		private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

		static Phase time(DrawCeremonyBenchmark bench, Runnable work) {
			long pg = bench.postgresCpuTicks();
			long jvm = processCpu();
			long thread = THREADS.getCurrentThreadCpuTime();
			long wall = System.nanoTime();
			work.run();
			return new Phase((System.nanoTime() - wall) / 1e9, (THREADS.getCurrentThreadCpuTime() - thread) / 1e9,
					(processCpu() - jvm) / 1e9, (bench.postgresCpuTicks() - pg) / 100.0);
		}

		static Phase time(DrawCeremonyBenchmark bench, Supplier<?> work) {
			return time(bench, (Runnable) work::get);
		}

		static Phase median(List<Phase> runs) {
			return runs.stream().sorted(java.util.Comparator.comparingDouble(Phase::wall)).toList().get(runs.size() / 2);
		}

		static Phase sum(Phase... phases) {
			Phase s = new Phase(0, 0, 0, 0);
			for (Phase p : phases) {
				s = new Phase(s.wall + p.wall, s.thread + p.thread, s.jvm + p.jvm, s.postgres + p.postgres);
			}
			return s;
		}

		double rounded() {
			return Math.round(this.wall * 100) / 100.0;
		}

		String row() {
			return row(false);
		}

		String row(boolean bold) {
			String wall = String.format(bold ? "**%.2f**" : "%.2f", this.wall);
			return String.format("%s | %.2f | %.2f | %.2f", wall, this.thread, this.jvm, this.postgres);
		}

		private static long processCpu() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		}

	}

	private long postmaster;

	/** utime + stime (clock ticks, 100 a second) of the embedded PostgreSQL's postmaster and all its children. */
	long postgresCpuTicks() {
		if (this.postmaster == 0) {
			long backend = this.jdbc.queryForObject("select pg_backend_pid()", Long.class);
			this.postmaster = Long.parseLong(stat(backend)[4]);
		}
		long ticks = 0;
		try (var procs = Files.list(Path.of("/proc"))) {
			for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
				long pid = Long.parseLong(p.getFileName().toString());
				String[] f = stat(pid);
				if (f != null && (pid == this.postmaster || Long.parseLong(f[4]) == this.postmaster)) {
					// ppid(4) … utime(14) stime(15), and cutime(16) cstime(17) of children that have exited
					ticks += Long.parseLong(f[14]) + Long.parseLong(f[15]) + Long.parseLong(f[16]) + Long.parseLong(f[17]);
				}
			}
		}
		catch (java.io.IOException ex) {
			return 0;
		}
		return ticks;
	}

	/** /proc/pid/stat after the command name, indexed by proc(5)'s field numbers (3 = state), or null if gone. */
	private static String[] stat(long pid) {
		try {
			String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] rest = s.substring(s.lastIndexOf(')') + 2).split(" ");
			String[] f = new String[rest.length + 3];
			System.arraycopy(rest, 0, f, 3, rest.length);
			return f;
		}
		catch (java.io.IOException | RuntimeException ex) {
			return null;
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	/** A published SCJG plan over the bench city: rates 1 %, 2 %, 10 %, 30 % for A–D, 不低于 (ceiling). */
	private Task task() {
		DrawFixtures.asSystem();
		Long scjg = DrawFixtures.department(this.jdbc, "SCJG");
		LocalDate today = LocalDate.now(this.clock);
		LocalDate to = LocalDate.of(today.getYear(), 12, 31);
		EntryDetails details = new EntryDetails("抽取基准 " + System.nanoTime(), Selection.UNDIRECTED,
				ImplementationLevel.CITY_CITY, today, to, scjg, Map.of(scjg, 2), List.of(scjg + ":D:SCJG-001"),
				EnumSet.of(InspectionMethod.ON_SITE),
				new TargetScope(Set.of(), Set.of("159000"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false), 12,
				Map.of(CreditBand.A, Sampling.rate(100), CreditBand.B, Sampling.rate(200), CreditBand.C, Sampling.rate(1000),
						CreditBand.D, Sampling.rate(3000)),
				RoundingRule.CEILING, null);
		Plan plan = this.plans.provisionPublished(PlanType.DEPARTMENT, today.getYear(), scjg, "抽取基准计划", List.of(details));
		return this.tasks.provision(plan.getEntries().get(0).getId(), new TaskDescription(details.name(), "基准依据", "基准市",
				"基准对象", "基准内容", "实地检查", "基准要求", today, to));
	}

}
