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

	private static final String[] END = new String[0];

	/**
	 * Ranks every candidate into its stratum's heap. The pool is read on the caller's thread (a database cursor
	 * or a file) while a second thread hashes and keeps the heaps, so reading and SHA-256 overlap. Only the
	 * second thread touches the heaps, and a heap keeps the k lowest ranks whatever the order of arrival, so
	 * the result is the same bytes as ranking one by one.
	 */
	private static void rankAll(Ranks ranks, Map<String, Heap> heaps, CandidateStream pool) {
		java.util.concurrent.BlockingQueue<String[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(16);
		RuntimeException[] failure = new RuntimeException[1];
		Thread ranker = new Thread(() -> {
			byte[] rank = new byte[Sha256.LENGTH];
			try {
				for (String[] batch = queue.take(); batch != END; batch = queue.take()) {
					for (int i = 0; i < batch.length && batch[i] != null; i += 2) {
						Heap heap = heaps.get(batch[i + 1]);
						if (heap == null) {
							throw new DrawInputException("candidate " + batch[i] + " is in stratum " + batch[i + 1]
									+ ", which was not counted");
						}
						heap.seen++;
						if (heap.capacity == 0) {
							continue;
						}
						ranks.rankInto(Ranks.TARGET, batch[i], rank);
						heap.offer(batch[i], rank);
					}
				}
			}
			catch (RuntimeException ex) {
				failure[0] = ex;
				queue.clear();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "draw-ranker");
		ranker.setDaemon(true);
		ranker.start();
		String[][] batch = { new String[2 * BATCH] };
		int[] n = { 0 };
		try {
			pool.forEach((id, key) -> {
				batch[0][n[0]++] = id;
				batch[0][n[0]++] = key;
				if (n[0] == batch[0].length) {
					put(queue, batch[0], ranker, failure);
					batch[0] = new String[2 * BATCH];
					n[0] = 0;
				}
			});
			if (n[0] > 0) {
				put(queue, batch[0], ranker, failure);
			}
		}
		finally {
			put(queue, END, ranker, null);
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

	/** Hands a batch over, unless the ranker has already failed (then the reading goes on to its end unranked). */
	private static void put(java.util.concurrent.BlockingQueue<String[]> queue, String[] batch, Thread ranker,
			RuntimeException[] failure) {
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
				if (this.size == this.entries.length) {
					this.entries = java.util.Arrays.copyOf(this.entries, Math.min(this.capacity, 2 * this.size));
				}
				Entry e = new Entry(prefix, id, rank.clone());
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
				return;
			}
			Entry worst = this.entries[0];
			int c = Long.compareUnsigned(prefix, worst.prefix);
			if (c > 0 || (c == 0 && Ranks.compare(rank, id, worst.rank, worst.id) >= 0)) {
				return;
			}
			Entry e = new Entry(prefix, id, rank.clone());
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
