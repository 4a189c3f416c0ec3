package org.doublerandom.inspection.draw;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTests {

	static List<byte[]> rows(int n) {
		List<byte[]> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			rows.add(Sha256.utf8("T-" + i + ",A,150602,"));
		}
		return rows;
	}

	/** RFC 6962 §2.1's recursive definition, written out directly. */
	static byte[] mth(List<byte[]> rows) {
		if (rows.isEmpty()) {
			return Sha256.of(new byte[0]);
		}
		if (rows.size() == 1) {
			return MerkleTree.leafHash(rows.get(0));
		}
		int k = Integer.highestOneBit(rows.size() - 1);
		return MerkleTree.nodeHash(mth(rows.subList(0, k)), mth(rows.subList(k, rows.size())));
	}

	@Test
	void theStreamedRootIsRfc6962sTreeHashForEverySize() {
		for (int n = 0; n <= 33; n++) {
			assertThat(MerkleTree.root(rows(n))).as("n = %d", n).isEqualTo(mth(rows(n)));
		}
	}

	@Test
	void theRootBuiltOnASecondThreadIsTheSameBytesAtEveryBatchBoundary() {
		int batch = MerkleTree.BackgroundBuilder.BATCH;
		for (int n : new int[] { 0, 1, 2, 3, batch - 1, batch, batch + 1, 3 * batch + 5, 16 * batch + 1, 40 * batch + 7 }) {
			List<byte[]> rows = rows(n);
			MerkleTree.BackgroundBuilder background = new MerkleTree.BackgroundBuilder();
			rows.forEach(background::add);
			MerkleTree.Builder built = background.finish();
			assertThat(built.count()).as("n = %d", n).isEqualTo(n);
			assertThat(built.root()).as("n = %d", n).isEqualTo(MerkleTree.root(rows));
		}
		assertThat(MerkleTree.root(rows(batch + 1))).isEqualTo(mth(rows(batch + 1)));
	}

	@Test
	void everyRowHasAnInclusionProofAndAnotherRowDoesNot() {
		for (int n = 1; n <= 17; n++) {
			List<byte[]> rows = rows(n);
			byte[] root = MerkleTree.root(rows);
			for (int i = 0; i < n; i++) {
				List<byte[]> proof = MerkleTree.inclusionProof(rows, i);
				assertThat(MerkleTree.verifyInclusion(rows.get(i), i, n, proof, root)).as("leaf %d of %d", i, n).isTrue();
				assertThat(MerkleTree.verifyInclusion(Sha256.utf8("T-999,A,150602,"), i, n, proof, root)).isFalse();
				if (n > 1) {
					assertThat(MerkleTree.verifyInclusion(rows.get(i), (i + 1) % n, n, proof, root)).isFalse();
				}
			}
		}
	}

	@Test
	void thePoolFilesMerkleRootIsOverItsDataRows() {
		DrawVectors.Case c = DrawVectors.vector(null);
		List<byte[]> rows = new ArrayList<>();
		String file = new String(CanonicalCsv.pool(DrawVectors.ATTRIBUTES, c.pool()));
		List<String> lines = List.of(file.split("\n"));
		lines.subList(1, lines.size()).forEach(l -> rows.add(Sha256.utf8(l)));
		assertThat(Sha256.hex(MerkleTree.root(rows))).isEqualTo(c.plan().inputs().pool().merkleRoot());
	}

	@Test
	void thePublicSummaryGivesTheCommittedRootAndTheEligibleCountOfEveryStratum() {
		DrawVectors.Case c = DrawVectors.vector(null);
		Object summary = CanonicalJson.parse(EvidencePackage.poolSummary(c.plan(),
				TargetSelection.count(CandidateStream.of(c.pool()), 2)));
		assertThat(summary).isEqualTo(java.util.Map.of("sha256", c.plan().inputs().pool().sha256(), "rows", 13L, "merkle_root",
				c.plan().inputs().pool().merkleRoot(), "strata", List.of(java.util.Map.of("key", "A/150602", "n", 5L),
						java.util.Map.of("key", "B/150602", "n", 4L), java.util.Map.of("key", "C/150603", "n", 3L))));
	}

}
