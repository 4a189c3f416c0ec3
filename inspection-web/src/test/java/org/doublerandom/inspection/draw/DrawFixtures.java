package org.doublerandom.inspection.draw;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.doublerandom.inspection.result.InspectionMethod;
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
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskDescription;
import org.doublerandom.inspection.task.TaskService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Tasks of their own for the draw tests: a published SCJG plan whose one entry covers targets carrying a
 * tag of the test, inserted into the real registry with given credit classes and statuses.
 */
final class DrawFixtures {

	/** A clock the tests move forward: drand rounds become due when it passes their time. */
	static final class MovableClock extends Clock {

		final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Shanghai");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

		void advanceSeconds(long seconds) {
			this.now.updateAndGet(i -> i.plusSeconds(seconds));
		}

	}

	@TestConfiguration
	static class ClockConfiguration {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

	private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private DrawFixtures() {
	}

	static void as(UserDetailsService users, String username) {
		UserDetails user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
	}

	/** No user and no request: the services see the system (the test framework binds a mock request). */
	static void asSystem() {
		SecurityContextHolder.clearContext();
		org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
	}

	/**
	 * Targets by credit class ("A", "B", …, null) and status; their registry ids. No industry: other tests count
	 * the demo registry by industry, and these must not change their figures.
	 */
	static List<Long> targets(JdbcTemplate jdbc, String tag, String creditClass, String status, int count) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String code = String.format("7%014d", SERIAL.incrementAndGet());
			Long id = jdbc.queryForObject("""
					insert into target (kind, code_type, code, name, region_code, status, credit_class, credit_class_on,
					                    created_at, updated_at)
					values ('ENTERPRISE', 'REGISTRATION_NO', ?, ?, ?, ?, ?, ?, now(), now()) returning id""", Long.class,
					code, "抽取测试餐饮店" + code.substring(9), (i % 2 == 0) ? "150602" : "150603", status, creditClass,
					(creditClass == null) ? null : LocalDate.of(2026, 1, 1));
			jdbc.update("insert into target_tag (target_id, tag) values (?, ?)", id, tag);
			ids.add(id);
		}
		return ids;
	}

	static Long department(JdbcTemplate jdbc, String code) {
		return jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

	/** A published SCJG plan with one entry over the tag, and its task (created as the system). */
	static Task task(PlanService plans, TaskService tasks, JdbcTemplate jdbc, String tag, Clock clock) {
		return task(plans, tasks, jdbc, tag, clock, false);
	}

	/** With {@code withEcology}, the ecology bureau takes part too: one officer per target, item STHJ-002. */
	static Task task(PlanService plans, TaskService tasks, JdbcTemplate jdbc, String tag, Clock clock, boolean withEcology) {
		asSystem();
		Long scjg = department(jdbc, "SCJG");
		Long sthj = department(jdbc, "STHJ");
		Map<Long, Integer> officers = new java.util.LinkedHashMap<>(Map.of(scjg, 2));
		List<String> items = new ArrayList<>(List.of(scjg + ":D:SCJG-001"));
		if (withEcology) {
			officers.put(sthj, 1);
			items.add(sthj + ":D:STHJ-002");
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate to = LocalDate.of(today.getYear(), 12, 31);
		EntryDetails details = new EntryDetails("抽取测试 " + tag, Selection.UNDIRECTED, ImplementationLevel.CITY_CITY, today,
				to, scjg, officers, items, EnumSet.of(InspectionMethod.ON_SITE),
				new TargetScope(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(tag), Set.of(), false), 12,
				Map.of(CreditBand.A, Sampling.count(1), CreditBand.B, Sampling.rate(5000), CreditBand.C, Sampling.rate(5000)),
				RoundingRule.CEILING, null);
		Plan plan = plans.provisionPublished(PlanType.DEPARTMENT, today.getYear(), scjg, "抽取测试计划 " + tag, List.of(details));
		return tasks.provision(plan.getEntries().get(0).getId(), new TaskDescription(details.name(), "测试依据", "全市", "测试对象",
				"测试内容", "实地检查", "测试要求", today, to));
	}

}
