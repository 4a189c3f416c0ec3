package org.doublerandom.inspection.inspector;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * What the draw asks of a candidate: may they inspect on this day, for these items (抽查事项 codes), this target?
 * No items and no target ask only about the person (status, certificate).
 */
public record EligibilityQuestion(LocalDate on, Set<String> itemCodes, Long targetId) {

	public EligibilityQuestion {
		itemCodes = (itemCodes != null) ? Set.copyOf(itemCodes) : Set.of();
	}

	public static EligibilityQuestion on(LocalDate day) {
		return new EligibilityQuestion(day, Set.of(), null);
	}

	public static EligibilityQuestion of(LocalDate day, Collection<String> itemCodes, Long targetId) {
		return new EligibilityQuestion(day, (itemCodes != null) ? Set.copyOf(itemCodes) : Set.of(), targetId);
	}

}
