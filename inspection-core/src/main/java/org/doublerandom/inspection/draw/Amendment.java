package org.doublerandom.inspection.draw;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 变更记录: a recorded change after the draw, each recomputable from the draw and the request. A request says
 * what happened (which target proved ineligible, which inspector became unavailable), why, and who approved;
 * the replacement itself is never chosen by a person.
 */
public sealed interface Amendment permits Amendment.TargetReplaced, Amendment.InspectorReplaced {

	String reason();

	String approver();

	Instant recordedAt();

	Map<String, Object> toJson();

	/** A selected target proved ineligible; the next unused reserve of its stratum takes its place. */
	record TargetReplaced(String target, String replacement, List<MatchingOutcome.SlotAssignment> team, String reason,
			String approver, Instant recordedAt) implements Amendment {

		@Override
		public Map<String, Object> toJson() {
			Map<String, Object> m = common("target", this);
			m.put("target", this.target);
			m.put("replacement", this.replacement);
			List<Object> team = new ArrayList<>();
			this.team.forEach(s -> team.add(DrawResult.slotJson(s)));
			m.put("team", team);
			return m;
		}

	}

	/** An inspector on a slot became unavailable; the replacement follows the matching rule. */
	record InspectorReplaced(String target, String department, int slot, String absent, String replacement, String reason,
			String approver, Instant recordedAt) implements Amendment {

		@Override
		public Map<String, Object> toJson() {
			Map<String, Object> m = common("inspector", this);
			m.put("target", this.target);
			m.put("department", this.department);
			m.put("slot", this.slot);
			m.put("absent", this.absent);
			m.put("replacement", this.replacement);
			return m;
		}

	}

	/** What the operator records; the replacement is then derived. */
	sealed interface Request permits TargetIneligible, InspectorUnavailable {

		String reason();

		String approver();

		Instant recordedAt();

	}

	record TargetIneligible(String target, String reason, String approver, Instant recordedAt) implements Request {

		public TargetIneligible {
			check(reason, approver, recordedAt);
		}

	}

	record InspectorUnavailable(String target, String department, int slot, String absent, String reason, String approver,
			Instant recordedAt) implements Request {

		public InspectorUnavailable {
			check(reason, approver, recordedAt);
		}

	}

	private static void check(String reason, String approver, Instant recordedAt) {
		Tokens.require(reason, "amendment reason code");
		if (approver == null || approver.isBlank() || approver.length() > 100) {
			throw new DrawInputException("an amendment needs its approver (1-100 characters)");
		}
		if (recordedAt == null || recordedAt.getNano() != 0) {
			throw new DrawInputException("an amendment's time is recorded in whole seconds");
		}
	}

	private static Map<String, Object> common(String type, Amendment a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("type", type);
		m.put("reason", a.reason());
		m.put("approver", a.approver());
		m.put("recorded_at", a.recordedAt().toString());
		return m;
	}

	static List<Request> requestsFromJson(Object value) {
		if (!(value instanceof List<?> list)) {
			throw new DrawInputException("amendments.json must be a JSON array");
		}
		List<Request> out = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			Json a = new Json(list.get(i), "amendments[" + i + "]");
			Instant at;
			try {
				at = Instant.parse(a.string("recorded_at"));
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw new DrawInputException(a.where() + ".recorded_at must look like 2026-12-01T08:00:00Z");
			}
			switch (a.string("type")) {
				case "target" -> {
					a.only("type", "target", "replacement", "team", "reason", "approver", "recorded_at");
					out.add(new TargetIneligible(a.string("target"), a.string("reason"), a.string("approver"), at));
				}
				case "inspector" -> {
					a.only("type", "target", "department", "slot", "absent", "replacement", "reason", "approver", "recorded_at");
					out.add(new InspectorUnavailable(a.string("target"), a.string("department"), a.integer("slot", 0, 100),
							a.string("absent"), a.string("reason"), a.string("approver"), at));
				}
				default -> throw new DrawInputException(a.where() + ".type must be target or inspector");
			}
		}
		return out;
	}

}
