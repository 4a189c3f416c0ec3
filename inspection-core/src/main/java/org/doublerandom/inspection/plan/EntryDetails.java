package org.doublerandom.inspection.plan;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.shared.DomainException;

/**
 * What an entry says, checked as a whole: a name, a period with its end after its start, at least one
 * method, the lead department among the departments taking part, officers by {@link OfficerCountPolicy},
 * at least one item, and a sampling rule for at least one credit class (a total under LARGEST_REMAINDER).
 * Items are keys ({@link EntryItem#key()}); the service resolves them in the published lists.
 */
public record EntryDetails(String name, Selection selection, ImplementationLevel level, LocalDate periodFrom,
		LocalDate periodTo, Long leadDepartmentId, Map<Long, Integer> officers, List<String> itemKeys,
		Set<InspectionMethod> methods, TargetScope scope, Integer excludeWithinMonths,
		Map<CreditBand, Sampling> sampling, RoundingRule rounding, Integer sampleTotal) {

	public EntryDetails {
		if (name == null || name.isBlank()) {
			throw new DomainException("plan.entry.refused.nameRequired", "name");
		}
		name = name.strip();
		if (name.length() > 200) {
			throw new DomainException("plan.entry.refused.nameTooLong", "name", 200);
		}
		if (selection == null) {
			throw new DomainException("plan.entry.refused.required", "selection");
		}
		if (level == null) {
			throw new DomainException("plan.entry.refused.required", "level");
		}
		if (periodFrom == null) {
			throw new DomainException("plan.entry.refused.required", "periodFrom");
		}
		if (periodTo == null) {
			throw new DomainException("plan.entry.refused.required", "periodTo");
		}
		if (periodTo.isBefore(periodFrom)) {
			throw new DomainException("plan.entry.refused.periodOrder", "periodTo");
		}
		if (leadDepartmentId == null) {
			throw new DomainException("plan.entry.refused.required", "leadDepartmentId");
		}
		officers = (officers == null) ? Map.of() : Map.copyOf(new LinkedHashMap<>(officers));
		if (!officers.containsKey(leadDepartmentId)) {
			throw new DomainException("plan.entry.refused.leadTakesPart", "leadDepartmentId");
		}
		OfficerCountPolicy.check(officers);
		itemKeys = (itemKeys == null) ? List.of() : itemKeys.stream().distinct().toList();
		if (itemKeys.isEmpty()) {
			throw new DomainException("plan.entry.refused.noItems", "itemKeys");
		}
		if (methods == null || methods.isEmpty()) {
			throw new DomainException("plan.entry.refused.noMethods", "methods");
		}
		methods = Set.copyOf(methods);
		scope = (scope == null) ? TargetScope.any() : scope;
		if (excludeWithinMonths != null && (excludeWithinMonths < 1 || excludeWithinMonths > 120)) {
			throw new DomainException("plan.entry.refused.excludeMonths", "excludeWithinMonths", 1, 120);
		}
		sampling = (sampling == null || sampling.isEmpty()) ? Map.of() : new EnumMap<>(sampling);
		if (sampling.isEmpty()) {
			throw new DomainException("plan.entry.refused.noSampling", "sampling");
		}
		if (rounding == null) {
			throw new DomainException("plan.entry.refused.required", "rounding");
		}
		if (rounding == RoundingRule.LARGEST_REMAINDER && (sampleTotal == null || sampleTotal < 1)) {
			throw new DomainException("plan.entry.refused.totalRequired", "sampleTotal");
		}
		if (sampleTotal != null && sampleTotal < 1) {
			throw new DomainException("plan.entry.refused.totalRequired", "sampleTotal");
		}
	}

	/** The departments taking part, the lead first. */
	public List<Long> departmentIds() {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(this.leadDepartmentId),
				this.officers.keySet().stream().filter(id -> !id.equals(this.leadDepartmentId)).sorted()).toList();
	}

}
