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

		/** The roots of the perfect subtrees so far, largest first: one for each 1 bit of {@link #count}. */
		private final List<byte[]> stack = new ArrayList<>();

		private long count;

		public void add(byte[] row) {
			addLeafHash(leafHash(row));
		}

		void addLeafHash(byte[] hash) {
			// merge equal perfect subtrees, one per trailing 1 bit of the count: what stays on the stack are
			// decreasing powers of two
			for (long c = this.count; (c & 1) == 1; c >>>= 1) {
				hash = nodeHash(this.stack.remove(this.stack.size() - 1), hash);
			}
			this.stack.add(hash);
			this.count++;
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

	/**
	 * The same root, built on a second thread while the caller goes on reading rows (the pool at the commit:
	 * about 4,000,000 SHA-256 for 2,000,000 rows). Rows are handed over in batches, in order, and one thread
	 * adds them, so the root is the same bytes as {@link Builder}'s. A file of fewer rows than a batch is
	 * built on the caller's thread. Not thread-safe on the caller's side: one reader adds the rows.
	 */
	public static final class BackgroundBuilder {

		static final int BATCH = 4096;

		private static final byte[][] END = new byte[0][];

		private final Builder builder = new Builder();

		private final java.util.concurrent.BlockingQueue<byte[][]> queue = new java.util.concurrent.ArrayBlockingQueue<>(16);

		private volatile RuntimeException failure;

		private Thread worker;

		private byte[][] batch = new byte[BATCH][];

		private int n;

		public void add(byte[] row) {
			this.batch[this.n++] = row;
			if (this.n == BATCH) {
				if (this.worker == null) {
					this.worker = new Thread(this::work, "draw-merkle");
					this.worker.setDaemon(true);
					this.worker.start();
				}
				put(this.batch);
				this.batch = new byte[BATCH][];
				this.n = 0;
			}
		}

		private void work() {
			try {
				// a writer abandoned half-way (a row out of order) sends nothing more: the thread then ends by itself
				for (byte[][] rows = next(); rows != END && rows != null; rows = next()) {
					for (byte[] row : rows) {
						if (row == null) {
							break;
						}
						this.builder.add(row);
					}
				}
			}
			catch (RuntimeException | Error ex) {
				this.failure = (ex instanceof RuntimeException r) ? r : new IllegalStateException(ex);
				this.queue.clear();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private byte[][] next() throws InterruptedException {
			return this.queue.poll(10, java.util.concurrent.TimeUnit.MINUTES);
		}

		private void put(byte[][] rows) {
			try {
				while (!this.queue.offer(rows, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
					if (!this.worker.isAlive()) {
						throw new IllegalStateException("the Merkle tree's thread ended early", this.failure);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while building the Merkle tree", ex);
			}
		}

		/** Waits for the second thread (if any) and returns the count and root of every row added. */
		public Builder finish() {
			if (this.worker != null) {
				put(END);
				try {
					this.worker.join();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while building the Merkle tree", ex);
				}
				if (this.failure != null) {
					throw this.failure;
				}
			}
			for (int i = 0; i < this.n; i++) {
				this.builder.add(this.batch[i]);
			}
			this.n = 0;
			return this.builder;
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
