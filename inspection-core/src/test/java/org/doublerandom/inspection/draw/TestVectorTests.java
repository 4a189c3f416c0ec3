package org.doublerandom.inspection.draw;

import java.util.List;

import org.doublerandom.inspection.draw.MatchingOutcome.SlotAssignment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test vector published in docs/draw-algorithm.md, section 17, pinned value by value: a change to
 * anything that decides the outcome fails here, and must come with a new spec version and new vectors.
 */
class TestVectorTests {

	static final DrawVectors.Case VECTOR = DrawVectors.vector(null);

	static final DrawResult RESULT = VECTOR.draw().result();

	@Test
	void inputFilesHashToThePublishedValues() {
		DrawPlan.Inputs inputs = VECTOR.plan().inputs();
		assertThat(inputs.pool().sha256()).isEqualTo("37e33fc3678647a9646f6eef4f94b07e05567c5f435f62d7bde13809ac8c7e0b");
		assertThat(inputs.pool().merkleRoot()).isEqualTo("27a631ac893707abd31b63c71ec996ffc96691a2bf7019ef0978a7a96ec2b41e");
		assertThat(inputs.roster().sha256()).isEqualTo("e02d840d346554aa387df7f28596b09dedaaa9fb592f300af24e01554aab4771");
		assertThat(inputs.conflicts().sha256()).isEqualTo("f587fea2b0c4570ef08547dd9306a1a19d09159e94a0f5fc5cd10341595eb9ec");
		assertThat(inputs.history().sha256()).isEqualTo("576cff30f852a43a4dcd4340fbda55e420b9fa090941e7f3e531e83f184642c3");
	}

	@Test
	void planHashAndSeedAreThePublishedValues() {
		assertThat(VECTOR.plan().canonicalBytes()).hasSize(1556);
		assertThat(Sha256.hex(VECTOR.plan().hash())).isEqualTo("8fe23d67e7d9fa10012d7f5927a374445f6f2016e0c5377231ea55b3adb89c3e");
		assertThat(((DrawPlan.Drand) VECTOR.plan().sources().get(0)).round()).isEqualTo(34_436_412);
		assertThat(((DrawPlan.Witness) VECTOR.plan().sources().get(2)).commitment())
			.isEqualTo("c40d89ac5c3d247a069b29e947df364a7b1704ee5df01355287629ebfbdea2c3");
		assertThat(((SourceValue.DrandValue) VECTOR.sources().get(0)).randomness())
			.isEqualTo("4dbdc2b2b62cb00749785bc84202236dbc3777d74660611b8e58812f0cfde6c3");
		assertThat(Sha256.hex(Sha256.of("03.07.11.15.19.22.28.31.36.40.44.47.52.58.61.66.70.73.77.80./")))
			.isEqualTo("be65e60c0a37b1ce69b554ea430f744ff7e03306364a3731286c1194503a838b");
		assertThat(Sha256.hex(RESULT.seed())).isEqualTo("8f87097c2b6730573cef69a41759ca80045da32caf4a19d87bf8ee222f4f36c3");
	}

	@Test
	void ranksAllocationSelectionAndReservesAreThePublishedValues() {
		Ranks ranks = new Ranks(RESULT.seed());
		assertThat(Sha256.hex(ranks.rank(Ranks.TARGET, "T-101")))
			.isEqualTo("a606283c12c20b92e7fb68abab62bf54ee71fa75fd524b8fb0039ac5b4c4f1e6");
		assertThat(Sha256.hex(ranks.rank(Ranks.TARGET, "T-104")))
			.isEqualTo("883536830cb5caa53fd7535d41237cd6c50b4faeae6f4e2175ec9c9505895462");
		assertThat(Sha256.hex(ranks.rank(Ranks.TARGET, "T-201")))
			.isEqualTo("1b6b864aafe0ebef5eaaca4a85e1c763018a869427010991876e1c6b7aabdfcc");
		assertThat(Sha256.hex(ranks.rank(Ranks.TARGET, "T-302")))
			.isEqualTo("36c7dbd35746cd57c8f10b25153864211f23ead796501583522b739ab953591c");
		List<TargetSelection.Stratum> strata = RESULT.selection().strata();
		assertThat(strata).extracting(TargetSelection.Stratum::key).containsExactly("A/150602", "B/150602", "C/150603");
		assertThat(strata).extracting(TargetSelection.Stratum::n).containsExactly(5L, 4L, 3L);
		assertThat(strata).extracting(TargetSelection.Stratum::k).containsExactly(1L, 2L, 2L);
		assertThat(RESULT.selection().selectedIds()).containsExactly("T-104", "T-201", "T-203", "T-302", "T-301");
		assertThat(strata).extracting(s -> s.reserves().get(0).id()).containsExactly("T-101", "T-204", "T-303");
	}

	@Test
	void slotOrderTeamsAndDigestAreThePublishedValues() {
		List<SlotAssignment> slots = ((MatchingOutcome.Assigned) RESULT.matching()).slots();
		assertThat(slots).extracting(s -> s.target() + "/" + s.department() + "/" + s.slot() + "=" + s.inspector())
			.containsExactly("T-104/SCJG/0=I-S3", "T-302/SCJG/0=I-S1", "T-104/WSJK/1=E-W1", "T-302/WSJK/1=E-W2",
					"T-301/WSJK/0=I-W1", "T-301/SCJG/0=I-S3", "T-201/WSJK/1=E-W1", "T-302/WSJK/0=I-W2", "T-104/WSJK/0=I-W1",
					"T-301/WSJK/1=E-W2", "T-203/WSJK/1=E-W1", "T-203/WSJK/0=I-W2", "T-201/SCJG/0=I-S1", "T-201/WSJK/0=I-W3",
					"T-203/SCJG/0=I-S2");
		assertThat(RESULT.digest()).isEqualTo("81ad52fca805559cfece55121426f01209592677d17264ad1ede040d5f5c004b");
	}

	@Test
	void amendmentsAreThePublishedValues() {
		List<Amendment> amendments = VECTOR.draw().amendments();
		Amendment.TargetReplaced target = (Amendment.TargetReplaced) amendments.get(0);
		assertThat(target.replacement()).isEqualTo("T-101");
		assertThat(target.team()).extracting(s -> s.department() + "/" + s.slot() + "=" + s.inspector())
			.containsExactly("WSJK/1=E-W1", "SCJG/0=I-S3", "WSJK/0=I-W1");
		assertThat(((Amendment.InspectorReplaced) amendments.get(1)).replacement()).isEqualTo("I-W1");
		assertThat(Sha256.hex(Sha256.of(VECTOR.draw().amendmentsBytes()))).isEqualTo("11e9727783ea84a6146be797f064b201c2e15bca1f701cb0a210c8501360ad05");
	}

}
