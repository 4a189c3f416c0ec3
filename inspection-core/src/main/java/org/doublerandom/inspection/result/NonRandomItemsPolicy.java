package org.doublerandom.inspection.result;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.doublerandom.inspection.shared.DomainException;

/**
 * 检查事项: a non-random inspection may name the items it checked, and then only items of the department's
 * published item list (抽查事项清单) — what the department is entitled to inspect. Naming none is allowed: a case
 * can go beyond the list.
 */
public final class NonRandomItemsPolicy {

	private NonRandomItemsPolicy() {
	}

	public static void check(Set<String> itemCodes, Map<String, String> publishedItems) {
		Set<String> unknown = new TreeSet<>(itemCodes);
		unknown.removeAll(publishedItems.keySet());
		if (!unknown.isEmpty()) {
			throw new DomainException("nonRandom.items.unknown", "itemCodes", String.join(", ", unknown));
		}
	}

}
