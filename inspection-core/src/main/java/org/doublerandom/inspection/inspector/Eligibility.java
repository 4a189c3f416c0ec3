package org.doublerandom.inspection.inspector;

import java.util.List;

/** Whether the draw may assign a person, and if not, every reason why (message keys, in rule order). */
public record Eligibility(List<String> refusals) {

	public Eligibility {
		refusals = List.copyOf(refusals);
	}

	public boolean isEligible() {
		return this.refusals.isEmpty();
	}

}
