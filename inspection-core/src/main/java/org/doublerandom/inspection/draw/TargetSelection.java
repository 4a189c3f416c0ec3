package org.doublerandom.inspection.draw;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * 随机抽取检查对象: in every stratum the k candidates with the lowest rank {@code target:<id>} are selected,
 * the next ones (in rank order) are the reserves. Streaming: one bounded max-heap of k + reserves entries
 * per stratum, so millions of candidates pass through a heap of the sample's size.
 */
public final class TargetSelection {

	private TargetSelection() {
	}

	public record Ranked(String id, byte[] rank) {

		public String rankHex() {
			return Sha256.hex(this.rank);
		}

	}

	public record Stratum(String key, long n, long k, List<Ranked> selected, List<Ranked> reserves) {

		public Stratum {
			selected = List.copyOf(selected);
			reserves = List.copyOf(reserves);
		}

	}

	public record Selection(List<Stratum> strata) {

		public Selection {
			strata = List.copyOf(strata);
		}

		/** All selected targets, stratum by stratum (key order), each in rank order. */
		public List<String> selectedIds() {
			List<String> ids = new ArrayList<>();
			this.strata.forEach(s -> s.selected().forEach(r -> ids.add(r.id())));
			return ids;
		}

	}

	/** Counts the candidates of each stratum: the first pass, or what the database's GROUP BY returns. */
	public static SortedMap<String, Long> count(CandidateStream pool, int attributes) {
		SortedMap<String, Long> counts = new TreeMap<>();
		Map<String, long[]> fast = new HashMap<>();
		pool.forEach((id, key) -> {
			long[] c = fast.get(key);
			if (c == null) {
				if (key.split("/", -1).length != attributes) {
					throw new DrawInputException("stratum key " + key + " must have " + attributes + " values");
				}
				c = new long[1];
				fast.put(key, c);
			}
			c[0]++;
		});
		fast.forEach((k, c) -> counts.put(k, c[0]));
		return counts;
	}

	public static Selection select(DrawPlan plan, byte[] seed, CandidateStream pool) {
		return select(plan, seed, pool, count(pool, plan.strata().attributes().size()));
	}

	/** Ranks with counts known in advance; the pass over the pool checks that they were right. */
	public static Selection select(DrawPlan plan, byte[] seed, CandidateStream pool, SortedMap<String, Long> counts) {
		Ranks ranks = new Ranks(seed);
		SortedMap<String, Allocation.Quota> quotas = Allocation.allocate(plan, counts, ranks);
		Map<String, Heap> heaps = new HashMap<>();
		quotas.forEach((key, q) -> heaps.put(key, new Heap((int) (q.k() + q.reserves()))));
		rankAll(ranks, heaps, pool);
		List<Stratum> strata = new ArrayList<>();
		quotas.forEach((key, q) -> {
			Heap heap = heaps.get(key);
			if (heap.seen != q.n()) {
				throw new DrawInputException("stratum " + key + " had " + q.n() + " candidates when counted and " + heap.seen
						+ " when ranked: the pool changed");
			}
			List<Ranked> ordered = heap.sorted();
			strata.add(new Stratum(key, q.n(), q.k(), ordered.subList(0, (int) q.k()), ordered.subList((int) q.k(), ordered.size())));
		});
		return new Selection(strata);
	}

	/** Candidates per batch handed from the reading thread to the ranking thread. */
	static final int BATCH = 4096;

	/**
	 * Ranks every candidate into its stratum's heap. The pool is read on the caller's thread (a database COPY
	 * or a file) while a second thread hashes and keeps the heaps, so reading and SHA-256 overlap. Rows travel
	 * as bytes in a few recycled batches: at two million candidates a {@code String} per id and per key was most
	 * of the selection's cost beyond the stream itself (issue 5's ratio). Only the second thread touches the
	 * heaps, and a heap keeps the k lowest ranks whatever the order of arrival, so the result is the same bytes
	 * as ranking one by one.
	 */
	private static void rankAll(Ranks ranks, Map<String, Heap> heaps, CandidateStream pool) {
		ByteKeys strata = new ByteKeys(heaps);
		java.util.concurrent.BlockingQueue<Batch> full = new java.util.concurrent.ArrayBlockingQueue<>(16);
		java.util.concurrent.BlockingQueue<Batch> free = new java.util.concurrent.ArrayBlockingQueue<>(18);
		for (int i = 0; i < 18; i++) {
			free.add(new Batch());
		}
		Batch end = new Batch();
		RuntimeException[] failure = new RuntimeException[1];
		Thread ranker = new Thread(() -> {
			byte[] rank = new byte[Sha256.LENGTH];
			try {
				for (Batch batch = full.take(); batch != end; batch = full.take()) {
					byte[] data = batch.data;
					int p = 0;
					for (int r = 0; r < batch.rows; r++) {
						int idLength = batch.lengths[2 * r];
						int keyLength = batch.lengths[2 * r + 1];
						Heap heap = strata.get(data, p + idLength, keyLength);
						if (heap == null) {
							throw new DrawInputException("candidate " + utf8(data, p, idLength) + " is in stratum "
									+ utf8(data, p + idLength, keyLength) + ", which was not counted");
						}
						heap.seen++;
						if (heap.capacity > 0) {
							ranks.rankInto(Ranks.TARGET, data, p, idLength, rank);
							heap.offer(data, p, idLength, rank);
						}
						p += idLength + keyLength;
					}
					batch.clear();
					free.add(batch);
				}
			}
			catch (RuntimeException ex) {
				failure[0] = ex;
				full.clear();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "draw-ranker");
		ranker.setDaemon(true);
		ranker.start();
		Batch[] current = { take(free, ranker) };
		try {
			pool.forEachBytes((row, idOffset, idLength, keyOffset, keyLength) -> {
				Batch batch = current[0];
				if (batch == null) {
					return; // the ranker failed; read on to the end unranked
				}
				if (!batch.fits(idLength + keyLength)) {
					put(full, batch, ranker);
					batch = take(free, ranker);
					current[0] = batch;
					if (batch == null) {
						return;
					}
				}
				batch.add(row, idOffset, idLength, keyOffset, keyLength);
			});
			if (current[0] != null && current[0].rows > 0) {
				put(full, current[0], ranker);
			}
		}
		finally {
			put(full, end, ranker);
			try {
				ranker.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while ranking the pool", ex);
			}
		}
		if (failure[0] != null) {
			throw failure[0];
		}
	}

	private static String utf8(byte[] data, int offset, int length) {
		return new String(data, offset, length, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** Hands a batch over, unless the ranker has already ended (failed: then the reading goes on unranked). */
	private static void put(java.util.concurrent.BlockingQueue<Batch> queue, Batch batch, Thread ranker) {
		try {
			while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
				if (!ranker.isAlive()) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while ranking the pool", ex);
		}
	}

	/** A recycled batch, or null once the ranker has ended. */
	private static Batch take(java.util.concurrent.BlockingQueue<Batch> free, Thread ranker) {
		try {
			Batch batch;
			while ((batch = free.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS)) == null) {
				if (!ranker.isAlive()) {
					return null;
				}
			}
			return batch;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while ranking the pool", ex);
		}
	}

	/** Rows as id bytes then key bytes, back to back, with their lengths. */
	private static final class Batch {

		byte[] data = new byte[1 << 16];

		final int[] lengths = new int[2 * BATCH];

		int rows;

		int used;

		boolean fits(int length) {
			if (this.rows == BATCH) {
				return false;
			}
			if (this.used + length > this.data.length) {
				if (this.rows > 0) {
					return false;
				}
				this.data = new byte[length]; // one row longer than a whole batch: rare, give it its own array
			}
			return true;
		}

		void add(byte[] row, int idOffset, int idLength, int keyOffset, int keyLength) {
			System.arraycopy(row, idOffset, this.data, this.used, idLength);
			System.arraycopy(row, keyOffset, this.data, this.used + idLength, keyLength);
			this.used += idLength + keyLength;
			this.lengths[2 * this.rows] = idLength;
			this.lengths[2 * this.rows + 1] = keyLength;
			this.rows++;
		}

		void clear() {
			this.rows = 0;
			this.used = 0;
		}

	}

	/** The strata's heaps by the UTF-8 bytes of their keys: open addressing, no String per lookup. */
	private static final class ByteKeys {

		private final byte[][] keys;

		private final Heap[] heaps;

		private final int mask;

		ByteKeys(Map<String, Heap> byKey) {
			int size = Integer.highestOneBit(Math.max(4, 4 * byKey.size()) - 1) << 1;
			this.keys = new byte[size][];
			this.heaps = new Heap[size];
			this.mask = size - 1;
			byKey.forEach((key, heap) -> {
				byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				int i = hash(bytes, 0, bytes.length) & this.mask;
				while (this.keys[i] != null) {
					i = (i + 1) & this.mask;
				}
				this.keys[i] = bytes;
				this.heaps[i] = heap;
			});
		}

		Heap get(byte[] data, int offset, int length) {
			for (int i = hash(data, offset, length) & this.mask; this.keys[i] != null; i = (i + 1) & this.mask) {
				byte[] key = this.keys[i];
				if (java.util.Arrays.equals(key, 0, key.length, data, offset, offset + length)) {
					return this.heaps[i];
				}
			}
			return null;
		}

		private static int hash(byte[] data, int offset, int length) {
			int h = 1;
			for (int i = offset; i < offset + length; i++) {
				h = 31 * h + data[i];
			}
			return h ^ (h >>> 16);
		}

	}

	/** The first 8 bytes of a rank as a long, big-endian: their unsigned order is the ranks' order on those bytes. */
	private static final java.lang.invoke.VarHandle PREFIX = java.lang.invoke.MethodHandles
		.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

	/** A kept candidate; the prefix decides almost every comparison without touching the arrays. */
	private record Entry(long prefix, String id, byte[] rank) {

		/** Exactly {@link Ranks#compare}: unsigned rank order, then the id. */
		static int compare(Entry a, Entry b) {
			int c = Long.compareUnsigned(a.prefix, b.prefix);
			return (c != 0) ? c : Ranks.compare(a.rank, a.id, b.rank, b.id);
		}

	}

	/**
	 * A max-heap (an array, root at 0) of the lowest ranks seen; the root is the worst of those kept. A
	 * candidate better than the root replaces it. Which candidates it keeps is the k lowest of all offered,
	 * whatever the order of arrival, so the sorted result is the same bytes.
	 */
	private static final class Heap {

		final int capacity;

		private Entry[] entries;

		private int size;

		long seen;

		Heap(int capacity) {
			this.capacity = capacity;
			this.entries = new Entry[Math.max(1, Math.min(capacity, 1 << 10))];
		}

		void offer(String id, byte[] rank) {
			long prefix = (long) PREFIX.get(rank, 0);
			if (this.size < this.capacity) {
				add(new Entry(prefix, id, rank.clone()));
				return;
			}
			Entry worst = this.entries[0];
			int c = Long.compareUnsigned(prefix, worst.prefix);
			if (c > 0 || (c == 0 && Ranks.compare(rank, id, worst.rank, worst.id) >= 0)) {
				return;
			}
			replaceWorst(new Entry(prefix, id, rank.clone()));
		}

		/** The same with the id as its ASCII bytes: its String is made only if the candidate is kept. */
		void offer(byte[] data, int offset, int length, byte[] rank) {
			long prefix = (long) PREFIX.get(rank, 0);
			if (this.size < this.capacity) {
				add(new Entry(prefix, new String(data, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1),
						rank.clone()));
				return;
			}
			if (Long.compareUnsigned(prefix, this.entries[0].prefix) > 0) {
				return;
			}
			offer(new String(data, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1), rank);
		}

		private void add(Entry e) {
			if (this.size == this.entries.length) {
				this.entries = java.util.Arrays.copyOf(this.entries, Math.min(this.capacity, 2 * this.size));
			}
			int i = this.size++;
			// sift up: parents are worse (greater) or equal
			while (i > 0) {
				int parent = (i - 1) >>> 1;
				if (Entry.compare(this.entries[parent], e) >= 0) {
					break;
				}
				this.entries[i] = this.entries[parent];
				i = parent;
			}
			this.entries[i] = e;
		}

		private void replaceWorst(Entry e) {
			// replace the root and sift down: the greater child moves up
			int i = 0;
			int half = this.size >>> 1;
			while (i < half) {
				int child = 2 * i + 1;
				int right = child + 1;
				if (right < this.size && Entry.compare(this.entries[right], this.entries[child]) > 0) {
					child = right;
				}
				if (Entry.compare(e, this.entries[child]) >= 0) {
					break;
				}
				this.entries[i] = this.entries[child];
				i = child;
			}
			this.entries[i] = e;
		}

		List<Ranked> sorted() {
			Entry[] kept = java.util.Arrays.copyOf(this.entries, this.size);
			java.util.Arrays.sort(kept, Entry::compare);
			List<Ranked> list = new ArrayList<>(kept.length);
			for (Entry e : kept) {
				list.add(new Ranked(e.id, e.rank));
			}
			return Collections.unmodifiableList(list);
		}

	}

}
