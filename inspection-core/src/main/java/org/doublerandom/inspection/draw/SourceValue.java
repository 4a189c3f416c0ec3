package org.doublerandom.inspection.draw;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The value a declared source produced, entered after it exists (fetched or typed in, then checked). */
public sealed interface SourceValue permits SourceValue.DrandValue, SourceValue.LotteryValue, SourceValue.WitnessReveal {

	String kind();

	Map<String, Object> toJson();

	/** The 32 bytes this source contributes to the seed. */
	byte[] contribution(DrawPlan.Source declared);

	/**
	 * A drand round: its BLS signature (48 bytes on quicknet) and {@code randomness = SHA-256(signature)},
	 * checked here; the signature against the chain's public key is checked by any drand client.
	 */
	record DrandValue(long round, String randomness, String signature) implements SourceValue {

		public DrandValue {
			byte[] r = Sha256.fromHex(randomness, 32, "drand randomness");
			byte[] s = Sha256.fromHex(signature, 48, "drand signature");
			if (!Arrays.equals(r, Sha256.of(s))) {
				throw new DrawInputException("drand randomness must be SHA-256 of the signature (round " + round + ")");
			}
		}

		@Override
		public String kind() {
			return "drand";
		}

		@Override
		public Map<String, Object> toJson() {
			return Map.of("kind", kind(), "round", this.round, "randomness", this.randomness, "signature", this.signature);
		}

		@Override
		public byte[] contribution(DrawPlan.Source declared) {
			DrawPlan.Drand d = (DrawPlan.Drand) declared;
			if (d.round() != this.round) {
				throw new DrawInputException("the plan names drand round " + d.round() + ", the value is of round " + this.round);
			}
			return Sha256.fromHex(this.randomness, 32, "drand randomness");
		}

	}

	/** A lottery draw: its issue (期号), its date and its numbers in any order. */
	record LotteryValue(String issue, LocalDate date, List<Integer> numbers) implements SourceValue {

		public LotteryValue {
			Tokens.require(issue, "lottery issue");
			numbers = List.copyOf(new TreeSet<>(numbers));
		}

		@Override
		public String kind() {
			return "lottery";
		}

		@Override
		public Map<String, Object> toJson() {
			return Map.of("kind", kind(), "issue", this.issue, "date", this.date.toString(), "numbers", this.numbers);
		}

		/**
		 * RFC 3797 style: the numbers sorted ascending (the order balls fell does not matter), zero-padded to the
		 * width of the largest possible number, each followed by ".", the whole ended by "/".
		 */
		public String canonicalString(DrawPlan.Lottery declared) {
			if (this.numbers.size() != declared.count() || this.numbers.get(0) < 1
					|| this.numbers.get(this.numbers.size() - 1) > declared.max()) {
				throw new DrawInputException(declared.game() + " draws " + declared.count() + " distinct numbers of 1-"
						+ declared.max() + "; issue " + this.issue + " has " + this.numbers);
			}
			int width = String.valueOf(declared.max()).length();
			StringBuilder s = new StringBuilder();
			for (int n : this.numbers) {
				s.append(String.format("%0" + width + "d", n)).append('.');
			}
			return s.append('/').toString();
		}

		@Override
		public byte[] contribution(DrawPlan.Source declared) {
			DrawPlan.Lottery l = (DrawPlan.Lottery) declared;
			if (!this.date.isAfter(l.after())) {
				throw new DrawInputException("the lottery draw must be dated after " + l.after() + ": " + this.date);
			}
			return Sha256.of(canonicalString(l));
		}

	}

	/** A witness's reveal: 16-256 token characters whose commitment was in the plan. */
	record WitnessReveal(String name, String reveal) implements SourceValue {

		public WitnessReveal {
			Tokens.require(name, "witness name");
			if (reveal == null || reveal.length() < 16 || reveal.length() > 256
					|| !reveal.chars().allMatch(c -> Tokens.isToken(String.valueOf((char) c)))) {
				throw new DrawInputException("a witness reveal is 16-256 characters of [0-9A-Za-z_.-]");
			}
		}

		/** The commitment published in the plan: {@code SHA-256("draw-v1:witness:" ‖ reveal)}. */
		public static String commitmentOf(String reveal) {
			return Sha256.hex(Sha256.of("draw-v1:witness:" + reveal));
		}

		@Override
		public String kind() {
			return "witness";
		}

		@Override
		public Map<String, Object> toJson() {
			return Map.of("kind", kind(), "name", this.name, "reveal", this.reveal);
		}

		@Override
		public byte[] contribution(DrawPlan.Source declared) {
			DrawPlan.Witness w = (DrawPlan.Witness) declared;
			if (!w.name().equals(this.name) || !w.commitment().equals(commitmentOf(this.reveal))) {
				throw new DrawInputException("the reveal of witness " + this.name + " does not match its commitment");
			}
			return Sha256.of(this.reveal);
		}

	}

	static List<Object> toJson(List<SourceValue> values) {
		List<Object> out = new ArrayList<>();
		values.forEach(v -> out.add(new LinkedHashMap<>(v.toJson())));
		return out;
	}

	static List<SourceValue> fromJson(Object value) {
		if (!(value instanceof List<?> list)) {
			throw new DrawInputException("sources.json must be a JSON array");
		}
		List<SourceValue> out = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			Json v = new Json(list.get(i), "sources[" + i + "]");
			switch (v.string("kind")) {
				case "drand" -> {
					v.only("kind", "round", "randomness", "signature");
					out.add(new DrandValue(v.integer("round"), v.string("randomness"), v.string("signature")));
				}
				case "lottery" -> {
					v.only("kind", "issue", "date", "numbers");
					List<Integer> numbers = new ArrayList<>();
					for (Object n : v.list("numbers")) {
						if (!(n instanceof Long l) || l < 0 || l > 999) {
							throw new DrawInputException("lottery numbers must be integers 0-999");
						}
						numbers.add(l.intValue());
					}
					LotteryValue lottery = new LotteryValue(v.string("issue"), DrawPlan.date(v.string("date")), numbers);
					if (!lottery.numbers().equals(numbers)) {
						throw new DrawInputException("lottery numbers are recorded sorted and distinct");
					}
					out.add(lottery);
				}
				case "witness" -> {
					v.only("kind", "name", "reveal");
					out.add(new WitnessReveal(v.string("name"), v.string("reveal")));
				}
				default -> throw new DrawInputException(v.where() + ".kind must be drand, lottery or witness");
			}
		}
		return out;
	}

}
