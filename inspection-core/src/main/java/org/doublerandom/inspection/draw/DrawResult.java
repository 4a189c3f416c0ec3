package org.doublerandom.inspection.draw;

import java.io.IOException;
import java.io.OutputStream;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.doublerandom.inspection.draw.MatchingOutcome.Rule;

/**
 * The outcome of a draw as published in {@code result.json}: plan hash, seed, allocation and selection per
 * stratum with ranks, reserves, and the slots in their order with the inspector each got (or the infeasible
 * department and rule), closed by {@code digest} = SHA-256 of the canonical JSON without the digest field.
 */
public record DrawResult(byte[] planHash, byte[] seed, TargetSelection.Selection selection, MatchingOutcome matching) {

	/** The result as canonical JSON values; its long lists are lazy views over the records. */
	public Map<String, Object> toJson() {
		return encode().json();
	}

	/**
	 * {@code result.json} ready to stream: its values (lazy views), its digest and the exact length of its
	 * canonical bytes, found in the one pass that hashes the body, so it can be stored without ever being
	 * held in memory (tens of megabytes for a city-wide draw).
	 */
	public record Encoded(Map<String, Object> json, String digest, long length) {

		public void writeTo(OutputStream out) throws IOException {
			CanonicalJson.write(this.json, out);
		}

	}

	public Encoded encode() {
		Map<String, Object> json = body();
		CanonicalJson.Measure body = CanonicalJson.measure(json);
		String digest = Sha256.hex(body.sha256());
		json.put("digest", digest);
		// the body is a non-empty object, so the digest adds exactly one member: ,"digest":"<64 hex digits>"
		long length = body.length() + (",\"digest\":\"" + digest + "\"").length();
		return new Encoded(json, digest, length);
	}

	public byte[] canonicalBytes() {
		return CanonicalJson.bytes(toJson());
	}

	/** Streams {@code result.json}; the digest is computed in a first streaming pass. */
	public void writeTo(OutputStream out) throws IOException {
		CanonicalJson.write(toJson(), out);
	}

	public String digest() {
		return (String) toJson().get("digest");
	}

	static <T> List<Object> lazy(List<T> list, Function<T, Object> json) {
		return new AbstractList<>() {

			@Override
			public Object get(int index) {
				return json.apply(list.get(index));
			}

			@Override
			public int size() {
				return list.size();
			}

		};
	}

	private Map<String, Object> body() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("spec", DrawPlan.SPEC);
		json.put("plan_hash", Sha256.hex(this.planHash));
		json.put("seed", Sha256.hex(this.seed));
		List<Object> strata = new ArrayList<>();
		for (TargetSelection.Stratum s : this.selection.strata()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("key", s.key());
			m.put("n", s.n());
			m.put("k", s.k());
			m.put("selected", ranked(s.selected(), 1));
			m.put("reserves", ranked(s.reserves(), s.selected().size() + 1));
			strata.add(m);
		}
		json.put("strata", strata);
		Map<String, Object> assignment = new LinkedHashMap<>();
		if (this.matching instanceof MatchingOutcome.Assigned a) {
			assignment.put("status", "assigned");
			List<Object> groups = new ArrayList<>();
			for (MatchingOutcome.Group g : a.groups()) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("department", g.department());
				m.put("kind", g.kind().name());
				m.put("slots", g.slots());
				m.put("inspectors", g.inspectors());
				m.put("slack", g.slack());
				m.put("cap", g.cap());
				m.put("min_load", g.minLoad());
				m.put("max_load", g.maxLoad());
				groups.add(m);
			}
			assignment.put("groups", groups);
			assignment.put("slots", lazy(a.slots(), DrawResult::slotJson));
		}
		else if (this.matching instanceof MatchingOutcome.Infeasible i) {
			assignment.put("status", "infeasible");
			assignment.put("department", i.department());
			assignment.put("kind", i.kind().name());
			assignment.put("target", i.target());
			assignment.put("slot", i.slot());
			assignment.put("rule", i.rule().name());
			assignment.put("inspectors", i.inspectors());
			Map<String, Object> eliminated = new TreeMap<>();
			for (Map.Entry<Rule, Integer> e : i.eliminated().entrySet()) {
				eliminated.put(e.getKey().name(), e.getValue());
			}
			assignment.put("eliminated", eliminated);
		}
		json.put("assignment", assignment);
		return json;
	}

	/** Keys put in their canonical order, so the writer need not sort a copy for each of a million slots. */
	static Map<String, Object> slotJson(MatchingOutcome.SlotAssignment s) {
		Map<String, Object> m = new LinkedHashMap<>(8);
		m.put("department", s.department());
		m.put("inspector", s.inspector());
		m.put("slot", s.slot());
		m.put("target", s.target());
		return m;
	}

	private static List<Object> ranked(List<TargetSelection.Ranked> list, int firstPosition) {
		return new AbstractList<>() {

			@Override
			public Object get(int index) {
				TargetSelection.Ranked r = list.get(index);
				// keys in canonical order (see slotJson)
				Map<String, Object> m = new LinkedHashMap<>(4);
				m.put("id", r.id());
				m.put("pos", firstPosition + index);
				m.put("rank", r.rankHex());
				return m;
			}

			@Override
			public int size() {
				return list.size();
			}

		};
	}

}
