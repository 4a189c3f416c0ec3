package org.doublerandom.inspection.draw;

import java.util.List;

/**
 * One row of the frozen candidate pool (抽查对象库快照): the target id, its stratum attribute values in the
 * plan's attribute order, and the pre-check exclusion (预查比对) as a reason code, empty when the target is
 * eligible. Excluded rows stay in the file so that every exclusion is committed and auditable.
 */
public record PoolRow(String targetId, List<String> attributes, String exclusion) {

	public PoolRow {
		Tokens.require(targetId, "target id");
		attributes = List.copyOf(attributes);
		attributes.forEach(a -> Tokens.require(a, "stratum value of " + targetId));
		exclusion = (exclusion == null) ? "" : exclusion;
		if (!exclusion.isEmpty()) {
			Tokens.require(exclusion, "exclusion reason of " + targetId);
		}
	}

	public static PoolRow eligible(String targetId, String... attributes) {
		return new PoolRow(targetId, List.of(attributes), "");
	}

	public boolean isEligible() {
		return this.exclusion.isEmpty();
	}

	/** The stratum key: the attribute values joined by "/" (a character no token contains). */
	public String stratumKey() {
		return String.join("/", this.attributes);
	}

	String line() {
		return this.targetId + "," + String.join(",", this.attributes) + "," + this.exclusion;
	}

}
