package org.doublerandom.inspection.plan;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.target.TargetStatus;

/**
 * 抽查对象范围: filters over the target registry; an empty set means "any". Industries are GB/T 4754 section
 * letters or two-digit divisions; licences (专项库) match a licence name the target holds.
 */
public record TargetScope(Set<TargetKind> kinds, Set<String> regionCodes, Set<String> industryCodes,
		Set<CreditBand> creditBands, Set<TargetStatus> statuses, Set<String> tags, Set<String> licences,
		boolean keySupervisionOnly) {

	public TargetScope {
		kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
		regionCodes = clean(regionCodes, "scopeRegions", "[0-9]{6}");
		industryCodes = clean(industryCodes, "scopeIndustries", "[A-T]|[0-9]{2}");
		creditBands = creditBands == null || creditBands.isEmpty() ? Set.of() : Set.copyOf(creditBands);
		statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
		tags = clean(tags, "scopeTags", ".{1,30}");
		licences = clean(licences, "scopeLicences", ".{1,100}");
	}

	public static TargetScope any() {
		return new TargetScope(null, null, null, null, null, null, null, false);
	}

	/** Targets in both scopes: each filter the intersection; {@code null} when a filter leaves nothing. */
	public TargetScope intersect(TargetScope other) {
		Set<TargetKind> k = both(this.kinds, other.kinds);
		Set<String> r = both(this.regionCodes, other.regionCodes);
		// industries compare code by code: a section and one of its divisions count as different filters
		Set<String> i = both(this.industryCodes, other.industryCodes);
		Set<CreditBand> c = both(this.creditBands, other.creditBands);
		Set<TargetStatus> s = both(this.statuses, other.statuses);
		if (k == null || r == null || i == null || c == null || s == null) {
			return null;
		}
		BinaryOperator<Set<String>> union = (a, b) -> {
			Set<String> all = new TreeSet<>(a);
			all.addAll(b);
			return all;
		};
		// a target must carry every tag and licence either scope requires
		return new TargetScope(k, r, i, c, s, union.apply(this.tags, other.tags),
				union.apply(this.licences, other.licences), this.keySupervisionOnly || other.keySupervisionOnly);
	}

	/** Empty means any; two non-empty sets meet in their intersection, or not at all ({@code null}). */
	private static <T> Set<T> both(Set<T> a, Set<T> b) {
		if (a.isEmpty()) {
			return b;
		}
		if (b.isEmpty()) {
			return a;
		}
		Set<T> common = new LinkedHashSet<>(a);
		common.retainAll(b);
		return common.isEmpty() ? null : common;
	}

	private static Set<String> clean(Set<String> values, String field, String pattern) {
		if (values == null) {
			return Set.of();
		}
		Set<String> cleaned = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
			.collect(Collectors.toCollection(TreeSet::new));
		for (String value : cleaned) {
			if (!value.matches(pattern)) {
				throw new DomainException("plan.entry.refused.scopeValue", field, value);
			}
		}
		return Set.copyOf(cleaned);
	}

}
