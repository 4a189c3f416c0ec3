package org.doublerandom.inspection.draw;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.doublerandom.inspection.draw.CanonicalCsv.FileDigest;

/**
 * 抽取方案: everything that decides the outcome except the randomness, fixed before the randomness exists.
 * Its canonical JSON bytes are hashed into the commitment ({@link #hash()}), published with its time; the
 * randomness sources it names are fixed by rule at that moment and never chosen afterwards.
 */
public record DrawPlan(String label, String codeRelease, Instant committedAt, Inputs inputs, Strata strata,
		SortedMap<String, SamplingRule> sampling, Assignment assignment, List<Source> sources) {

	public static final String SPEC = "draw-v1";

	public static final String HASH = "sha-256";

	public DrawPlan {
		if (label == null || label.isBlank() || label.length() > 200) {
			throw new DrawInputException("the plan's label must be 1-200 characters");
		}
		Tokens.require(codeRelease, "code release");
		if (committedAt == null || committedAt.getNano() != 0) {
			throw new DrawInputException("the commit time must be given in whole seconds");
		}
		sampling = new TreeMap<>(sampling);
		sources = List.copyOf(sources);
		if (sampling.isEmpty()) {
			throw new DrawInputException("the plan has no sampling rule");
		}
		sampling.keySet().forEach(k -> Tokens.require(k, "sampling rule key (a value of " + strata.ruleAttribute() + ")"));
		if (sources.stream().noneMatch(s -> !(s instanceof Witness))) {
			throw new DrawInputException("the plan needs public randomness (drand or a lottery); witnesses alone cannot make the seed");
		}
		Set<String> witnesses = new HashSet<>();
		for (Source source : sources) {
			if (source instanceof Drand d && d.round() != DrandQuicknet.roundFor(committedAt, d.delaySeconds())) {
				throw new DrawInputException("the drand round must be the round at commit time + " + d.delaySeconds()
						+ " s: " + DrandQuicknet.roundFor(committedAt, d.delaySeconds()) + ", not " + d.round());
			}
			if (source instanceof Witness w && !witnesses.add(w.name())) {
				throw new DrawInputException("witness " + w.name() + " is named twice");
			}
		}
	}

	/** The committed file digests; the pool's Merkle root lets the public variant omit the pool itself. */
	public record Inputs(FileDigest pool, FileDigest roster, FileDigest conflicts, FileDigest history) {

		public Inputs {
			for (FileDigest d : List.of(pool, roster, conflicts, history)) {
				Sha256.fromHex(d.sha256(), 32, "file hash");
			}
			Sha256.fromHex(pool.merkleRoot(), 32, "pool Merkle root");
			// only the pool's Merkle root is committed (the public variant omits the pool, never the others)
			roster = new FileDigest(roster.sha256(), roster.rows(), null);
			conflicts = new FileDigest(conflicts.sha256(), conflicts.rows(), null);
			history = new FileDigest(history.sha256(), history.rows(), null);
		}

	}

	/** Which pool attributes form the stratum key, and which of them selects the sampling rule. */
	public record Strata(List<String> attributes, String ruleAttribute) {

		public Strata {
			attributes = List.copyOf(attributes);
			if (attributes.isEmpty() || new HashSet<>(attributes).size() != attributes.size()) {
				throw new DrawInputException("the stratum attributes must be non-empty and distinct");
			}
			for (String a : attributes) {
				Tokens.require(a, "stratum attribute");
				if (a.equals("target_id") || a.equals("excluded")) {
					throw new DrawInputException("'" + a + "' is a reserved column name");
				}
			}
			if (!attributes.contains(ruleAttribute)) {
				throw new DrawInputException("the rule attribute must be one of the stratum attributes");
			}
		}

		int ruleIndex() {
			return this.attributes.indexOf(this.ruleAttribute);
		}

	}

	public enum Mode {

		/** k = round(N · rate / 10000), rate in basis points. */
		RATE,
		/** k = a fixed number per stratum. */
		COUNT,
		/** A total for all strata of the rule's class, shared out by largest remainder (Hamilton). */
		TOTAL

	}

	public enum Rounding {

		/** 不低于: never fewer than the rate, k = ⌈N·r/10000⌉. */
		CEIL,
		/** Commercial rounding, halves up: k = ⌊(2·N·r + 10000) / 20000⌋. */
		HALF_UP

	}

	/**
	 * The sampling rule for every stratum whose rule attribute has this value. {@code value} is the rate in
	 * basis points (RATE), the count (COUNT) or the total (TOTAL); {@code min}/{@code max} clamp each stratum
	 * (null: none); {@code reserves} is the length of each stratum's ordered reserve list.
	 */
	public record SamplingRule(Mode mode, long value, Rounding rounding, Long min, Long max, int reserves) {

		public SamplingRule {
			if (mode == null) {
				throw new DrawInputException("a sampling rule needs a mode");
			}
			if (value < 0 || (mode == Mode.RATE && value > 10_000) || value > 100_000_000) {
				throw new DrawInputException("the sampling " + mode.name().toLowerCase() + " is out of range: " + value);
			}
			if ((mode == Mode.RATE) != (rounding != null)) {
				throw new DrawInputException("a rounding rule belongs to rate mode, and rate mode needs one");
			}
			if ((min != null && min < 0) || (max != null && max < 0) || (min != null && max != null && min > max)) {
				throw new DrawInputException("the per-stratum minimum must be at most the maximum, both ≥ 0");
			}
			if (reserves < 0 || reserves > 1000) {
				throw new DrawInputException("reserves per stratum must be 0-1000");
			}
		}

		public static SamplingRule rate(int basisPoints, Rounding rounding, int reserves) {
			return new SamplingRule(Mode.RATE, basisPoints, rounding, null, null, reserves);
		}

		public static SamplingRule count(int count, int reserves) {
			return new SamplingRule(Mode.COUNT, count, null, null, null, reserves);
		}

		public static SamplingRule total(int total, int reserves) {
			return new SamplingRule(Mode.TOTAL, total, null, null, null, reserves);
		}

		public SamplingRule clamped(Long min, Long max) {
			return new SamplingRule(this.mode, this.value, this.rounding, min, max, this.reserves);
		}

	}

	/** Who each department sends to every selected target, and the load cap's slack. */
	public record Assignment(List<DepartmentNeed> departments, String lead, int minOfficers, int capSlack, int maxSlack) {

		public Assignment {
			departments = List.copyOf(departments);
			if (departments.isEmpty()) {
				throw new DrawInputException("the plan names no department");
			}
			for (int i = 1; i < departments.size(); i++) {
				if (departments.get(i - 1).code().compareTo(departments.get(i).code()) >= 0) {
					throw new DrawInputException("departments must be listed once each, in ascending code order");
				}
			}
			if (departments.stream().noneMatch(d -> d.code().equals(lead))) {
				throw new DrawInputException("the lead department must be one of the departments");
			}
			if (minOfficers < 2 || minOfficers > 20) {
				// 行政处罚法 第42条: 执法人员不得少于两人
				throw new DrawInputException("at least two enforcement officers per target (行政处罚法 第42条)");
			}
			if (capSlack < 0 || maxSlack < capSlack || maxSlack > 1000) {
				throw new DrawInputException("cap slack must satisfy 0 ≤ cap slack ≤ max slack ≤ 1000");
			}
		}

		/** Officer slots of a department per target: its own, plus the shortfall to the minimum for the lead. */
		public int officerSlots(DepartmentNeed d) {
			int sum = this.departments.stream().mapToInt(DepartmentNeed::officers).sum();
			return d.officers() + (d.code().equals(this.lead) ? Math.max(0, this.minOfficers - sum) : 0);
		}

	}

	public record DepartmentNeed(String code, int officers, int experts, List<String> items) {

		public DepartmentNeed {
			Tokens.require(code, "department code");
			if (officers < 0 || experts < 0 || officers > 20 || experts > 20 || officers + experts == 0) {
				throw new DrawInputException("department " + code + " must send 0-20 officers and 0-20 experts, at least one person");
			}
			items = List.copyOf(items);
			items.forEach(i -> Tokens.require(i, "item code"));
			for (int i = 1; i < items.size(); i++) {
				if (items.get(i - 1).compareTo(items.get(i)) >= 0) {
					throw new DrawInputException("item codes of " + code + " must be unique and sorted");
				}
			}
		}

	}

	/** A randomness source named in the plan, by rule, before its value exists. */
	public sealed interface Source permits Drand, Lottery, Witness {

		String kind();

	}

	/** drand quicknet round R = round at (commit time + delay). */
	public record Drand(long delaySeconds, long round) implements Source {

		public Drand {
			if (delaySeconds < DrandQuicknet.MIN_DELAY_SECONDS || delaySeconds > 30L * 24 * 3600) {
				throw new DrawInputException("the drand delay must be 60 s to 30 days");
			}
		}

		public static Drand after(Instant committedAt, long delaySeconds) {
			return new Drand(delaySeconds, DrandQuicknet.roundFor(committedAt, delaySeconds));
		}

		@Override
		public String kind() {
			return "drand";
		}

	}

	/**
	 * A public lottery draw fixed by rule, e.g. 福彩快乐8 (20 numbers of 1-80): the first official draw dated after
	 * {@code after}. {@code rule} states that in words; anyone checks the numbers against the announcement.
	 */
	public record Lottery(String game, String rule, LocalDate after, int count, int max) implements Source {

		public Lottery {
			Tokens.require(game, "lottery game");
			if (rule == null || rule.isBlank() || rule.length() > 300) {
				throw new DrawInputException("the lottery rule must be stated in 1-300 characters");
			}
			if (after == null || count < 1 || max < count || max > 999) {
				throw new DrawInputException("a lottery draws 1 ≤ count ≤ max ≤ 999 numbers after a date");
			}
		}

		@Override
		public String kind() {
			return "lottery";
		}

	}

	/** A witness (e.g. a participating department) committed to a value; it reveals before the drand round. */
	public record Witness(String name, String commitment) implements Source {

		public Witness {
			Tokens.require(name, "witness name");
			Sha256.fromHex(commitment, 32, "witness commitment");
		}

		@Override
		public String kind() {
			return "witness";
		}

	}

	public byte[] canonicalBytes() {
		return CanonicalJson.bytes(toJson());
	}

	/** The commitment: SHA-256 of the canonical JSON bytes. */
	public byte[] hash() {
		return Sha256.of(canonicalBytes());
	}

	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("spec", SPEC);
		json.put("hash", HASH);
		json.put("label", this.label);
		json.put("code_release", this.codeRelease);
		json.put("committed_at", this.committedAt.toString());
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("pool", Map.of("sha256", this.inputs.pool().sha256(), "rows", this.inputs.pool().rows(), "merkle_root",
				this.inputs.pool().merkleRoot()));
		inputs.put("roster", fileJson(this.inputs.roster()));
		inputs.put("conflicts", fileJson(this.inputs.conflicts()));
		inputs.put("history", fileJson(this.inputs.history()));
		json.put("inputs", inputs);
		json.put("strata", Map.of("attributes", this.strata.attributes(), "rule_attribute", this.strata.ruleAttribute()));
		Map<String, Object> sampling = new LinkedHashMap<>();
		this.sampling.forEach((key, rule) -> {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("mode", rule.mode().name().toLowerCase());
			r.put(switch (rule.mode()) {
				case RATE -> "rate_bp";
				case COUNT -> "count";
				case TOTAL -> "total";
			}, rule.value());
			if (rule.rounding() != null) {
				r.put("rounding", rule.rounding().name());
			}
			if (rule.min() != null) {
				r.put("min", rule.min());
			}
			if (rule.max() != null) {
				r.put("max", rule.max());
			}
			r.put("reserves", rule.reserves());
			sampling.put(key, r);
		});
		json.put("sampling", sampling);
		List<Object> departments = new ArrayList<>();
		for (DepartmentNeed d : this.assignment.departments()) {
			departments.add(Map.of("code", d.code(), "officers", d.officers(), "experts", d.experts(), "items", d.items()));
		}
		json.put("assignment", Map.of("departments", departments, "lead", this.assignment.lead(), "min_officers",
				this.assignment.minOfficers(), "cap_slack", this.assignment.capSlack(), "max_slack", this.assignment.maxSlack()));
		List<Object> sources = new ArrayList<>();
		for (Source s : this.sources) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("kind", s.kind());
			if (s instanceof Drand d) {
				m.put("chain", DrandQuicknet.CHAIN_HASH);
				m.put("genesis", DrandQuicknet.GENESIS);
				m.put("period", DrandQuicknet.PERIOD);
				m.put("delay_seconds", d.delaySeconds());
				m.put("round", d.round());
			}
			else if (s instanceof Lottery l) {
				m.put("game", l.game());
				m.put("rule", l.rule());
				m.put("after", l.after().toString());
				m.put("count", l.count());
				m.put("max", l.max());
			}
			else if (s instanceof Witness w) {
				m.put("name", w.name());
				m.put("commitment", w.commitment());
			}
			sources.add(m);
		}
		json.put("sources", sources);
		return json;
	}

	private static Map<String, Object> fileJson(FileDigest d) {
		return Map.of("sha256", d.sha256(), "rows", d.rows());
	}

	public static DrawPlan fromCanonicalBytes(byte[] bytes) {
		return fromJson(CanonicalJson.parseCanonical(bytes, "plan.json"));
	}

	public static DrawPlan fromJson(Object value) {
		Json p = new Json(value, "plan").only("spec", "hash", "label", "code_release", "committed_at", "inputs", "strata",
				"sampling", "assignment", "sources");
		if (!SPEC.equals(p.string("spec")) || !HASH.equals(p.string("hash"))) {
			throw new DrawInputException("this implementation knows spec " + SPEC + " with " + HASH + " only");
		}
		Json in = p.object("inputs").only("pool", "roster", "conflicts", "history");
		Json pool = in.object("pool").only("sha256", "rows", "merkle_root");
		Inputs inputs = new Inputs(new FileDigest(pool.string("sha256"), pool.integer("rows"), pool.string("merkle_root")),
				file(in.object("roster")), file(in.object("conflicts")), file(in.object("history")));
		Json s = p.object("strata").only("attributes", "rule_attribute");
		Strata strata = new Strata(s.strings("attributes"), s.string("rule_attribute"));
		SortedMap<String, SamplingRule> sampling = new TreeMap<>();
		Json all = p.object("sampling");
		for (Object key : all.map().keySet()) {
			Json r = all.object((String) key);
			Mode mode = switch (r.string("mode")) {
				case "rate" -> Mode.RATE;
				case "count" -> Mode.COUNT;
				case "total" -> Mode.TOTAL;
				default -> throw new DrawInputException(r.where() + ".mode must be rate, count or total");
			};
			String valueKey = switch (mode) {
				case RATE -> "rate_bp";
				case COUNT -> "count";
				case TOTAL -> "total";
			};
			r.only("mode", valueKey, "rounding", "min", "max", "reserves");
			Rounding rounding = null;
			if (r.has("rounding")) {
				try {
					rounding = Rounding.valueOf(r.string("rounding"));
				}
				catch (IllegalArgumentException ex) {
					throw new DrawInputException(r.where() + ".rounding must be CEIL or HALF_UP");
				}
			}
			sampling.put((String) key, new SamplingRule(mode, r.integer(valueKey), rounding,
					r.has("min") ? r.integer("min") : null, r.has("max") ? r.integer("max") : null,
					r.integer("reserves", 0, 1000)));
		}
		Json a = p.object("assignment").only("departments", "lead", "min_officers", "cap_slack", "max_slack");
		List<DepartmentNeed> departments = new ArrayList<>();
		for (Json d : a.objects("departments")) {
			d.only("code", "officers", "experts", "items");
			departments.add(new DepartmentNeed(d.string("code"), d.integer("officers", 0, 20), d.integer("experts", 0, 20),
					d.strings("items")));
		}
		Assignment assignment = new Assignment(departments, a.string("lead"), a.integer("min_officers", 0, 20),
				a.integer("cap_slack", 0, 1000), a.integer("max_slack", 0, 1000));
		List<Source> sources = new ArrayList<>();
		for (Json src : p.objects("sources")) {
			switch (src.string("kind")) {
				case "drand" -> {
					src.only("kind", "chain", "genesis", "period", "delay_seconds", "round");
					if (!DrandQuicknet.CHAIN_HASH.equals(src.string("chain")) || src.integer("genesis") != DrandQuicknet.GENESIS
							|| src.integer("period") != DrandQuicknet.PERIOD) {
						throw new DrawInputException("draw-v1 knows the drand quicknet chain only");
					}
					sources.add(new Drand(src.integer("delay_seconds"), src.integer("round")));
				}
				case "lottery" -> {
					src.only("kind", "game", "rule", "after", "count", "max");
					sources.add(new Lottery(src.string("game"), src.string("rule"), date(src.string("after")),
							src.integer("count", 1, 999), src.integer("max", 1, 999)));
				}
				case "witness" -> {
					src.only("kind", "name", "commitment");
					sources.add(new Witness(src.string("name"), src.string("commitment")));
				}
				default -> throw new DrawInputException(src.where() + ".kind must be drand, lottery or witness");
			}
		}
		Instant committedAt;
		try {
			committedAt = Instant.parse(p.string("committed_at"));
		}
		catch (DateTimeParseException ex) {
			throw new DrawInputException("committed_at must look like 2026-12-01T08:00:00Z");
		}
		DrawPlan plan = new DrawPlan(p.string("label"), p.string("code_release"), committedAt, inputs, strata, sampling,
				assignment, sources);
		if (!plan.toJson().get("committed_at").equals(p.string("committed_at"))) {
			throw new DrawInputException("committed_at must look like 2026-12-01T08:00:00Z");
		}
		return plan;
	}

	private static FileDigest file(Json f) {
		f.only("sha256", "rows");
		return new FileDigest(f.string("sha256"), f.integer("rows"), null);
	}

	static LocalDate date(String text) {
		try {
			LocalDate date = LocalDate.parse(text);
			if (!date.toString().equals(text)) {
				throw new DateTimeParseException("not canonical", text, 0);
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new DrawInputException("dates are written YYYY-MM-DD: " + text);
		}
	}

}
