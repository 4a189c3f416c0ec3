package org.doublerandom.inspection.draw;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 6962 (Certificate Transparency) Merkle tree over the data rows of a canonical file: leaf hash
 * {@code SHA-256(0x00 ‖ row)}, node hash {@code SHA-256(0x01 ‖ left ‖ right)}, split at the largest power of
 * two below n. Lets the public variant publish only a root and per-stratum counts, while a firm can still
 * be shown, by an inclusion proof, that its row was in the committed pool.
 */
public final class MerkleTree {

	private MerkleTree() {
	}

	/** One digest per thread: looking SHA-256 up for each of the millions of nodes of a city's pool costs seconds. */
	private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

	public static byte[] leafHash(byte[] row) {
		MessageDigest d = DIGEST.get();
		d.update((byte) 0);
		d.update(row);
		return d.digest();
	}

	public static byte[] nodeHash(byte[] left, byte[] right) {
		MessageDigest d = DIGEST.get();
		d.update((byte) 1);
		d.update(left);
		d.update(right);
		return d.digest();
	}

	/** The tree hash of the empty list: SHA-256 of no bytes. */
	public static byte[] emptyRoot() {
		return Sha256.of(new byte[0]);
	}

	/** Builds the root row by row with O(log n) memory, so a pool of millions streams through it. */
	public static final class Builder {

		private final List<byte[]> stack = new ArrayList<>();

		private final List<Long> sizes = new ArrayList<>();

		private long count;

		public void add(byte[] row) {
			addLeafHash(leafHash(row));
		}

		void addLeafHash(byte[] hash) {
			this.stack.add(hash);
			this.sizes.add(1L);
			this.count++;
			// merge equal perfect subtrees: what stays on the stack are decreasing powers of two
			while (this.sizes.size() >= 2 && this.sizes.get(this.sizes.size() - 1).equals(this.sizes.get(this.sizes.size() - 2))) {
				int last = this.stack.size() - 1;
				byte[] merged = nodeHash(this.stack.get(last - 1), this.stack.get(last));
				long size = this.sizes.get(last) * 2;
				this.stack.remove(last);
				this.sizes.remove(last);
				this.stack.set(last - 1, merged);
				this.sizes.set(last - 1, size);
			}
		}

		public long count() {
			return this.count;
		}

		public byte[] root() {
			if (this.stack.isEmpty()) {
				return emptyRoot();
			}
			byte[] hash = this.stack.get(this.stack.size() - 1);
			for (int i = this.stack.size() - 2; i >= 0; i--) {
				hash = nodeHash(this.stack.get(i), hash);
			}
			return hash;
		}

	}

	public static byte[] root(List<byte[]> rows) {
		Builder builder = new Builder();
		rows.forEach(builder::add);
		return builder.root();
	}

	/** The audit path of leaf {@code index} (RFC 6962 §2.1.1), from the leaf's sibling up to the root's child. */
	public static List<byte[]> inclusionProof(List<byte[]> rows, int index) {
		if (index < 0 || index >= rows.size()) {
			throw new IllegalArgumentException("no leaf " + index + " among " + rows.size());
		}
		List<byte[]> leaves = new ArrayList<>(rows.size());
		rows.forEach(r -> leaves.add(leafHash(r)));
		List<byte[]> proof = new ArrayList<>();
		path(leaves, 0, leaves.size(), index, proof);
		return proof;
	}

	private static void path(List<byte[]> leaves, int from, int to, int index, List<byte[]> proof) {
		int n = to - from;
		if (n <= 1) {
			return;
		}
		int k = Integer.highestOneBit(n - 1);
		if (index - from < k) {
			path(leaves, from, from + k, index, proof);
			proof.add(subtree(leaves, from + k, to));
		}
		else {
			path(leaves, from + k, to, index, proof);
			proof.add(subtree(leaves, from, from + k));
		}
	}

	static byte[] subtree(List<byte[]> leaves, int from, int to) {
		int n = to - from;
		if (n == 1) {
			return leaves.get(from);
		}
		int k = Integer.highestOneBit(n - 1);
		return nodeHash(subtree(leaves, from, from + k), subtree(leaves, from + k, to));
	}

	/** RFC 9162 §2.1.3.2: does {@code row} sit at {@code index} of a tree of {@code size} rows with this root? */
	public static boolean verifyInclusion(byte[] row, long index, long size, List<byte[]> proof, byte[] root) {
		if (index < 0 || index >= size) {
			return false;
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leafHash(row);
		for (byte[] p : proof) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				r = nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

}
