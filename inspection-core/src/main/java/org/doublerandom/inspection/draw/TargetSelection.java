package org.doublerandom.inspection.draw;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
		byte[] rank = new byte[Sha256.LENGTH];
		pool.forEach((id, key) -> {
			Heap heap = heaps.get(key);
			if (heap == null) {
				throw new DrawInputException("candidate " + id + " is in stratum " + key + ", which was not counted");
			}
			heap.seen++;
			if (heap.capacity == 0) {
				return;
			}
			ranks.rankInto(Ranks.TARGET, id, rank);
			heap.offer(id, rank);
		});
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

	/** A max-heap of the lowest ranks seen; the root is the worst of those kept. */
	private static final class Heap {

		final int capacity;

		final PriorityQueue<Ranked> queue;

		long seen;

		Heap(int capacity) {
			this.capacity = capacity;
			this.queue = new PriorityQueue<>(Math.max(1, Math.min(capacity, 1 << 16)),
					(a, b) -> Ranks.compare(b.rank(), b.id(), a.rank(), a.id()));
		}

		void offer(String id, byte[] rank) {
			if (this.queue.size() < this.capacity) {
				this.queue.add(new Ranked(id, rank.clone()));
				return;
			}
			Ranked worst = this.queue.peek();
			if (Ranks.compare(rank, id, worst.rank(), worst.id()) < 0) {
				this.queue.poll();
				this.queue.add(new Ranked(id, rank.clone()));
			}
		}

		List<Ranked> sorted() {
			List<Ranked> list = new ArrayList<>(this.queue);
			list.sort((a, b) -> Ranks.compare(a.rank(), a.id(), b.rank(), b.id()));
			return Collections.unmodifiableList(list);
		}

	}

}
