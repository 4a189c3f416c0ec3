package org.doublerandom.inspection.draw;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedTests {

	static final DrawPlan PLAN = DrawVectors.vector(null).plan();

	@Test
	void theSeedIsSha256OfPrefixPlanHashAndEachContributionInOrder() {
		List<SourceValue> values = DrawVectors.sourceValues();
		byte[] lottery = Sha256.of("03.07.11.15.19.22.28.31.36.40.44.47.52.58.61.66.70.73.77.80./");
		byte[] expected = Sha256.of(Sha256.utf8("draw-v1:seed:"), PLAN.hash(),
				Sha256.fromHex(((SourceValue.DrandValue) values.get(0)).randomness(), 32, "r"), lottery,
				Sha256.of(DrawVectors.WITNESS_REVEAL));
		assertThat(Seed.derive(PLAN, values)).isEqualTo(expected);
	}

	@Test
	void theLotteryStringIsSortedZeroPaddedDottedAndEndsWithASlash() {
		SourceValue.LotteryValue v = new SourceValue.LotteryValue("2026321", LocalDate.parse("2026-12-02"),
				List.of(80, 3, 7, 11, 15, 19, 22, 28, 31, 36, 40, 44, 47, 52, 58, 61, 66, 70, 73, 77));
		assertThat(v.canonicalString((DrawPlan.Lottery) PLAN.sources().get(1)))
			.isEqualTo("03.07.11.15.19.22.28.31.36.40.44.47.52.58.61.66.70.73.77.80./");
	}

	@Test
	void aValueThatDoesNotFitItsDeclarationIsRefused() {
		List<SourceValue> values = new ArrayList<>(DrawVectors.sourceValues());
		values.set(2, new SourceValue.WitnessReveal("SCJG", "another-reveal-of-scjg"));
		assertThatThrownBy(() -> Seed.derive(PLAN, values)).hasMessageContaining("does not match its commitment");
		values.set(2, DrawVectors.sourceValues().get(2));
		values.set(1, new SourceValue.LotteryValue("2026320", LocalDate.parse("2026-12-01"), List.of(1, 2, 3, 4, 5, 6, 7, 8,
				9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)));
		assertThatThrownBy(() -> Seed.derive(PLAN, values)).hasMessageContaining("dated after 2026-12-01");
		values.set(1, new SourceValue.LotteryValue("2026321", LocalDate.parse("2026-12-02"), List.of(1, 2, 3)));
		assertThatThrownBy(() -> Seed.derive(PLAN, values)).hasMessageContaining("draws 20 distinct numbers");
		values.set(1, DrawVectors.sourceValues().get(1));
		String signature = DrawVectors.drandSignature();
		values.set(0, new SourceValue.DrandValue(34436413, Sha256.hex(Sha256.of(Sha256.fromHex(signature, 48, "s"))), signature));
		assertThatThrownBy(() -> Seed.derive(PLAN, values)).hasMessageContaining("round 34436412");
		assertThatThrownBy(() -> Seed.derive(PLAN, values.subList(0, 2))).hasMessageContaining("declares 3");
		assertThatThrownBy(() -> new SourceValue.DrandValue(34436412, "00".repeat(32), signature))
			.hasMessageContaining("SHA-256 of the signature");
	}

	@Test
	void theDrandRoundFollowsFromTheCommitTimeAndTheDelay() {
		// research note: the round at 2027-01-01T00:00Z is 35,319,412
		assertThat(DrandQuicknet.roundAt(Instant.parse("2027-01-01T00:00:00Z").getEpochSecond())).isEqualTo(35_319_412);
		assertThat(DrandQuicknet.timeOf(35_319_412)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
		assertThat(DrandQuicknet.roundFor(Instant.parse("2026-12-01T08:00:00Z"), 600)).isEqualTo(34_436_412);
		assertThat(DrandQuicknet.timeOf(1)).isEqualTo(Instant.ofEpochSecond(1692803367));
		assertThatThrownBy(() -> new DrawPlan(PLAN.label(), PLAN.codeRelease(), PLAN.committedAt(), PLAN.inputs(), PLAN.strata(),
				PLAN.sampling(), PLAN.assignment(), List.of(new DrawPlan.Drand(600, 34436411))))
			.hasMessageContaining("round at commit time");
	}

	@Test
	void witnessesAloneCannotMakeTheSeed() {
		assertThatThrownBy(() -> new DrawPlan(PLAN.label(), PLAN.codeRelease(), PLAN.committedAt(), PLAN.inputs(), PLAN.strata(),
				PLAN.sampling(), PLAN.assignment(), List.of(PLAN.sources().get(2))))
			.hasMessageContaining("public randomness");
	}

}
