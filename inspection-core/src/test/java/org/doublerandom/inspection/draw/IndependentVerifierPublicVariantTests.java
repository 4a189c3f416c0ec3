package org.doublerandom.inspection.draw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public variant (§14: {@code pool-summary.json} instead of {@code pool.csv}, no {@code conflicts.csv}) is
 * checked by {@code verifier/verify_draw.py} as far as its files allow, and says so; tampering it can detect
 * from the public files is rejected. Same python3 rule as {@link IndependentVerifierTests}.
 */
class IndependentVerifierPublicVariantTests {

	static final String PUBLIC = "VERIFIED (public variant: ";

	@BeforeAll
	static void python() throws IOException {
		IndependentVerifierTests.python();
	}

	/** The public variant of a genuine package, made as the application's evidence download makes it. */
	static Path publicVariant(String name, DrawVectors.Case c) throws IOException {
		Path dir = IndependentVerifierTests.fresh("public-" + name);
		DrawVectors.write(c, dir);
		SortedMap<String, Long> counts = new TreeMap<>();
		c.draw().result().selection().strata().forEach(s -> counts.put(s.key(), s.n()));
		EvidencePackage.write(dir, EvidencePackage.POOL_SUMMARY, EvidencePackage.poolSummary(c.plan(), counts));
		Files.delete(dir.resolve(EvidencePackage.POOL));
		Files.delete(dir.resolve(EvidencePackage.CONFLICTS));
		return dir;
	}

	static DrawVectors.Case amended() {
		DrawVectors.Case c = DrawVectors.synthetic(3000, 20, 2, null);
		IndependentVerifierTests.amendSome(c, true);
		return c;
	}

	@Test
	void aPublicPackageIsVerifiedAndSaysWhatRemainsTheAuditorsCheck() throws Exception {
		IndependentVerifierTests.Outcome outcome = IndependentVerifierTests.verify(publicVariant("synthetic-3000", amended()));
		assertThat(outcome.exit()).as(outcome.output()).isZero();
		assertThat(outcome.output()).startsWith(PUBLIC)
			.contains("undisclosed conflicts")
			.contains("the auditors' check");
	}

	@Test
	void anInfeasibleDrawsPublicPackageIsVerifiedWithoutItsTeams() throws Exception {
		DrawPlan.Assignment threeExperts = new DrawPlan.Assignment(List.of(new DrawPlan.DepartmentNeed("SCJG", 1, 0,
				List.of("SC-01")), new DrawPlan.DepartmentNeed("WSJK", 1, 3, List.of("WS-01"))), "SCJG", 2, 1, 2);
		DrawVectors.Case c = DrawVectors.run(DrawVectors.pool(), DrawVectors.roster(), DrawVectors.conflicts(),
				DrawVectors.history(), DrawVectors.sampling(), threeExperts, null);
		IndependentVerifierTests.Outcome outcome = IndependentVerifierTests.verify(publicVariant("infeasible", c));
		assertThat(outcome.exit()).as(outcome.output()).isZero();
		assertThat(outcome.output()).startsWith(PUBLIC).contains("not re-derived");
	}

	@Test
	void tamperedPublicPackagesAreRejected() throws Exception {
		DrawVectors.Case genuine = amended();
		rejects(genuine, "a stratum count", dir -> {
			Map<String, Object> summary = IndependentVerifierTests
				.map(CanonicalJson.parse(EvidencePackage.read(dir, EvidencePackage.POOL_SUMMARY)));
			Map<String, Object> first = IndependentVerifierTests.list(summary.get("strata")).get(0);
			first.put("n", ((Number) first.get("n")).longValue() - 1);
			EvidencePackage.write(dir, EvidencePackage.POOL_SUMMARY, CanonicalJson.bytes(summary));
		}, "result.strata[0].n");
		rejects(genuine, "the pool digest", dir -> IndependentVerifierTests.edit(dir, EvidencePackage.POOL_SUMMARY,
				s -> s.replaceFirst("\"merkle_root\":\"[0-9a-f]", "\"merkle_root\":\"x")), "pool-summary.json is not the pool");
		rejects(genuine, "a selected id swapped with its reserve", dir -> IndependentVerifierTests.editResult(dir, r -> {
			List<Map<String, Object>> strata = IndependentVerifierTests.list(r.get("strata"));
			Map<String, Object> stratum = strata.stream()
				.filter(s -> !IndependentVerifierTests.list(s.get("reserves")).isEmpty())
				.findFirst()
				.orElseThrow();
			Map<String, Object> a = IndependentVerifierTests.list(stratum.get("selected")).get(0);
			Map<String, Object> b = IndependentVerifierTests.list(stratum.get("reserves")).get(0);
			Object id = a.get("id");
			a.put("id", b.get("id"));
			b.put("id", id);
		}), "result.strata[");
		rejects(genuine, "a reserve dropped", dir -> IndependentVerifierTests.editResult(dir, r -> {
			Map<String, Object> stratum = IndependentVerifierTests.list(r.get("strata"))
				.stream()
				.filter(s -> !IndependentVerifierTests.list(s.get("reserves")).isEmpty())
				.findFirst()
				.orElseThrow();
			IndependentVerifierTests.list(stratum.get("reserves")).remove(0);
		}), "result.strata[");
		rejects(genuine, "an edited seed", dir -> IndependentVerifierTests.editResult(dir,
				r -> r.put("seed", "00" + ((String) r.get("seed")).substring(2))), "result.seed");
		rejects(genuine, "a changed source value", dir -> IndependentVerifierTests.edit(dir, EvidencePackage.SOURCES,
				s -> s.replace("[3,7,", "[3,8,")), "result.seed");
		rejects(genuine, "a changed amendment", dir -> IndependentVerifierTests.edit(dir, EvidencePackage.AMENDMENTS, s -> {
			int at = s.lastIndexOf("\"replacement\":\"") + 15;
			return s.substring(0, at) + "X" + s.substring(at + 1);
		}), "");
	}

	static void rejects(DrawVectors.Case genuine, String what, Consumer<Path> edit, String firstDifference) throws Exception {
		Path dir = publicVariant("tampered", genuine);
		assertThat(IndependentVerifierTests.verify(dir).output()).as("the genuine package before %s", what).startsWith(PUBLIC);
		edit.accept(dir);
		IndependentVerifierTests.Outcome outcome = IndependentVerifierTests.verify(dir);
		assertThat(outcome.exit()).as("%s: %s", what, outcome.output()).isEqualTo(1);
		assertThat(outcome.output()).as(what).startsWith("NOT VERIFIED: " + firstDifference);
	}

}
