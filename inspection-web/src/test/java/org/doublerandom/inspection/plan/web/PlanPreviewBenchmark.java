package org.doublerandom.inspection.plan.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doublerandom.inspection.plan.CreditBand;
import org.doublerandom.inspection.plan.PlanPreview;
import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.plan.RoundingRule;
import org.doublerandom.inspection.plan.Sampling;
import org.doublerandom.inspection.plan.TargetScope;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.target.TargetStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entry preview (issue 4: "with 2,000,000 targets, in under 2 s"), measured, not asserted in the normal
 * build: {@code ./mvnw -Pbench -pl inspection-web -am verify -Dtest=PlanPreviewBenchmark}. The registry is
 * filled in SQL (the import's speed is TargetRegistryBenchmark's subject), analysed, then each scope is
 * counted per credit class ten times through {@link PlanService#preview}. Writes
 * {@code target/bench/plan-preview.md}.
 */
@Tag("bench")
@SpringBootTest(properties = "inspection.demo.enabled=true")
class PlanPreviewBenchmark {

	static final int TARGETS = Integer.getInteger("inspection.bench.targets", 2_000_000);

	static final Map<CreditBand, Sampling> RATES = Map.of(CreditBand.A, Sampling.rate(300), CreditBand.B,
			Sampling.rate(500), CreditBand.C, Sampling.rate(1000), CreditBand.D, Sampling.rate(2000));

	@Autowired
	PlanService plans;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void previewOverMillionsOfTargets() throws Exception {
		long t0 = System.nanoTime();
		long have = this.jdbc.queryForObject("select count(*) from target", Long.class);
		// registration numbers from 9×10^14 up never meet the demo's codes; kinds, regions, industries, credit
		// classes, statuses and tags are spread as in a city's registry
		this.jdbc.update("""
				insert into target (kind, code_type, code, name, region_code, industry_section_code, industry_division_code,
				                    status, credit_class, credit_class_on, key_supervision, created_at, updated_at)
				select (array['ENTERPRISE','ENTERPRISE','ENTERPRISE','INDIVIDUAL_BUSINESS','INDIVIDUAL_BUSINESS','FARMERS_COOPERATIVE'])[1 + i % 6],
				       'REGISTRATION_NO', (900000000000000 + i)::text, '基准测试商户' || i,
				       (array['150602','150603','150621','150622','150623','150624','150625','150626','150627'])[1 + i % 9],
				       d.section, d.division,
				       case when i % 20 = 0 then 'DEREGISTERED' else 'ACTIVE' end,
				       (array['A','A','A','B','B','B','B','C','D',null])[1 + i % 10],
				       case when i % 10 = 9 then null else date '2025-12-31' end,
				       i % 50 = 0, now(), now()
				from generate_series(1, ?) as i
				join (values (0,'F','52'),(1,'F','52'),(2,'F','51'),(3,'H','62'),(4,'H','61'),(5,'B','06'),(6,'E','48'),
				             (7,'C','13'),(8,'G','54'),(9,'O','80')) as d(k, section, division) on d.k = i % 10
				where not exists (select 1 from target where code = (900000000000000 + 1)::text)""",
				Math.max(0, TARGETS - have));
		this.jdbc.update("""
				insert into target_tag (target_id, tag)
				select id, '餐饮' from target where industry_division_code = '62' and id % 3 = 0
				on conflict do nothing""");
		this.jdbc.execute("analyze target");
		this.jdbc.execute("analyze target_tag");
		long size = this.jdbc.queryForObject("select count(*) from target", Long.class);
		double fill = (System.nanoTime() - t0) / 1e9;

		signIn("scjg-officer1");
		Map<String, TargetScope> scopes = new LinkedHashMap<>();
		scopes.put("no filter (the whole registry)", TargetScope.any());
		scopes.put("industry H + active", new TargetScope(null, null, Set.of("H"), null, Set.of(TargetStatus.ACTIVE), null,
				null, false));
		scopes.put("enterprises and individual businesses, one banner, credit C and D", new TargetScope(
				Set.of(TargetKind.ENTERPRISE, TargetKind.INDIVIDUAL_BUSINESS), Set.of("150622"), null,
				Set.of(CreditBand.C, CreditBand.D), null, null, null, false));
		scopes.put("the whole city (150600), division 62, tag 餐饮", new TargetScope(null, Set.of("150600"), Set.of("62"), null,
				null, Set.of("餐饮"), null, false));
		scopes.put("key supervision only, unclassified included", new TargetScope(null, null, null,
				Set.of(CreditBand.D, CreditBand.NONE), null, null, null, true));
		StringBuilder md = new StringBuilder("Registry: " + size + " targets (filled and analysed in "
				+ String.format("%.0f", fill) + " s)\n\n| scope | matching | p50 ms | max ms |\n|---|---|---|---|\n");
		for (Map.Entry<String, TargetScope> scope : scopes.entrySet()) {
			List<Long> times = new ArrayList<>();
			PlanPreview last = null;
			for (int run = 0; run < 10; run++) {
				long t = System.nanoTime();
				last = this.plans.preview(scope.getValue(), 12, List.of("1:D:SCJG-002"), RATES, RoundingRule.CEILING, null);
				times.add((System.nanoTime() - t) / 1_000_000);
			}
			times.sort(Long::compare);
			md.append("| ").append(scope.getKey()).append(" | ").append(String.format("%,d", last.matchingTotal()))
				.append(" | ").append(times.get(4)).append(" | ").append(times.get(9)).append(" |\n");
			assertThat(last.matchingTotal()).isPositive();
		}
		Files.createDirectories(Path.of("target", "bench"));
		Files.writeString(Path.of("target", "bench", "plan-preview.md"), md);
		System.out.println("\n" + md + "\nmeasured on " + LocalDate.now());
	}

	void signIn(String username) {
		UserDetails user = this.users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
	}

}
