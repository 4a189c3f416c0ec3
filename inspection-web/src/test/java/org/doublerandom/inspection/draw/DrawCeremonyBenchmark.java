package org.doublerandom.inspection.draw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.LongSupplier;

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
		long t = System.nanoTime();
		this.ceremony.precheck(task.getId());
		double precheck = seconds(t);
		long drawId = this.jdbc.queryForObject("select id from draw where task_id = ? and voided_at is null", Long.class,
				task.getId());
		this.jdbc.execute("analyze draw_pool");

		t = System.nanoTime();
		this.ceremony.freeze(task.getId());
		double freeze = seconds(t);
		t = System.nanoTime();
		this.ceremony.commit(task.getId());
		double commit = seconds(t);
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

		// (a) and (b) alternately, three times each, in read-only transactions like the draw's own
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions);
		readOnly.setReadOnly(true);
		List<Double> streams = new ArrayList<>();
		List<Double> selections = new ArrayList<>();
		long[] rows = new long[1];
		TargetSelection.Selection[] selection = new TargetSelection.Selection[1];
		for (int run = 0; run < 3; run++) {
			streams.add(timed(() -> readOnly.execute(s -> {
				long[] n = new long[1];
				this.store.candidates(drawId).forEach((id, key) -> n[0] += id.length() + key.length());
				rows[0] = n[0];
				return n[0];
			})));
			selections.add(timed(() -> readOnly.execute(s -> {
				SortedMap<String, Long> counts = this.store.strataCounts(drawId);
				selection[0] = TargetSelection.select(plan, seed, this.store.candidates(drawId), counts);
				return 0L;
			})));
		}
		double stream = streams.stream().sorted().toList().get(1);
		double select = selections.stream().sorted().toList().get(1);

		t = System.nanoTime();
		DrawStore.StoredResult result = this.ceremony.draw(task.getId());
		double drawn = seconds(t);
		long slots = this.jdbc.queryForObject("select count(*) from draw_team_slot where draw_id = ?", Long.class, drawId);
		long pool = this.store.count(drawId, DrawStore.InputFile.POOL);
		long eligible = this.store.strataCounts(drawId).values().stream().mapToLong(Long::longValue).sum();
		int strata = selection[0].strata().size();
		assertThat(result.selectedCount()).isEqualTo(selection[0].selectedIds().size());
		assertThat(strata).isGreaterThanOrEqualTo(700);

		String md = String.format("""
				Registry: %,d targets in %d strata (pool %,d rows, %,d eligible; filled and analysed in %.0f s)

				| step | wall s |
				|---|---|
				| pre-check (INSERT … SELECT of the pool, with exclusion reasons) | %.2f |
				| (a) stream the frozen pool's (identifier, stratum) columns out of PostgreSQL (median of 3) | %.2f |
				| (b) selection: strata GROUP BY + the same stream ranked into bounded heaps (median of 3) | %.2f |
				| (b) ÷ (a) | **%.2f** (target ≤ 1.5) |
				| freeze (roster, conflicts, history; triggers) | %.2f |
				| commit (stream and hash the four files, plan) | %.2f |
				| draw (seed, selection, matching, store %,d selected + reserves and %,d team slots) | %.2f |
				| freeze + commit + draw | **%.2f** (target < 20) |

				All (b) runs: %s; all (a) runs: %s. Result digest %s.
				""", TARGETS, strata, pool, eligible, fill, precheck, stream, select, select / stream, freeze, commit,
				result.selectedCount(), slots, drawn, freeze + commit + drawn, selections, streams, result.digest());
		Files.createDirectories(Path.of("target", "bench"));
		Files.writeString(Path.of("target", "bench", "draw-ceremony.md"), md);
		System.out.println("\nDRAW-CEREMONY-BENCH\n" + md + "\nmeasured on " + LocalDate.now() + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores, max heap "
				+ Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static double timed(LongSupplier work) {
		long t = System.nanoTime();
		work.getAsLong();
		return Math.round(seconds(t) * 100) / 100.0;
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
