package org.doublerandom.inspection.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.doublerandom.inspection.plan.ClassSampling;
import org.doublerandom.inspection.plan.CreditBand;
import org.doublerandom.inspection.plan.EntryDetails;
import org.doublerandom.inspection.plan.ImplementationLevel;
import org.doublerandom.inspection.plan.PlanEntry;
import org.doublerandom.inspection.plan.RoundingRule;
import org.doublerandom.inspection.plan.Sampling;
import org.doublerandom.inspection.plan.Selection;
import org.doublerandom.inspection.plan.TargetScope;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.target.TargetStatus;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 抽查项目 form. Departments take part by the officers they send ({@code officers}: one "id:n" per department,
 * 0 or absent = not taking part). Sampling per credit class is a percentage ({@code rateA} …) or a count
 * ({@code countA} …); tags and licences are separated by commas or spaces.
 */
record EntryForm(String name, Selection selection, ImplementationLevel level,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo, Long leadDepartmentId, List<String> officers,
		List<String> itemKeys, Set<InspectionMethod> methods, Set<TargetKind> scopeKinds, List<String> scopeRegions,
		List<String> scopeIndustries, Set<CreditBand> scopeCredit, Set<TargetStatus> scopeStatuses, String scopeTags,
		String scopeLicences, Boolean scopeKeyOnly, Integer excludeWithinMonths, String rateA, String rateB,
		String rateC, String rateD, String rateNone, Integer countA, Integer countB, Integer countC, Integer countD,
		Integer countNone, RoundingRule rounding, Integer sampleTotal) {

	static EntryForm empty(int year, Long leadDepartmentId) {
		return new EntryForm("", Selection.UNDIRECTED, ImplementationLevel.CITY_CITY, LocalDate.of(year, 4, 1),
				LocalDate.of(year, 6, 30), leadDepartmentId, List.of(leadDepartmentId + ":2"), List.of(),
				Set.of(InspectionMethod.ON_SITE), Set.of(), List.of(), List.of(), Set.of(), Set.of(TargetStatus.ACTIVE),
				"", "", false, null, "3", "5", "10", "20", "", null, null, null, null, null, RoundingRule.CEILING, null);
	}

	static EntryForm of(PlanEntry entry) {
		EntryDetails d = entry.details();
		Map<CreditBand, String> rates = new EnumMap<>(CreditBand.class);
		Map<CreditBand, Integer> counts = new EnumMap<>(CreditBand.class);
		for (ClassSampling s : entry.getSampling()) {
			if (s.getRateBasisPoints() != null) {
				rates.put(s.getBand(), BigDecimal.valueOf(s.getRateBasisPoints(), 2).stripTrailingZeros().toPlainString());
			}
			else {
				counts.put(s.getBand(), s.getFixedCount());
			}
		}
		TargetScope scope = d.scope();
		return new EntryForm(d.name(), d.selection(), d.level(), d.periodFrom(), d.periodTo(), d.leadDepartmentId(),
				d.officers().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList(), d.itemKeys(),
				d.methods(), scope.kinds(), List.copyOf(scope.regionCodes()), List.copyOf(scope.industryCodes()),
				scope.creditBands(), scope.statuses(), String.join(", ", scope.tags()), String.join(", ", scope.licences()),
				scope.keySupervisionOnly(), d.excludeWithinMonths(), rates.get(CreditBand.A), rates.get(CreditBand.B),
				rates.get(CreditBand.C), rates.get(CreditBand.D), rates.get(CreditBand.NONE), counts.get(CreditBand.A),
				counts.get(CreditBand.B), counts.get(CreditBand.C), counts.get(CreditBand.D), counts.get(CreditBand.NONE),
				d.rounding(), d.sampleTotal());
	}

	/** Officers per department id, only those taking part. */
	Map<Long, Integer> officerMap() {
		Map<Long, Integer> map = new LinkedHashMap<>();
		if (this.officers != null) {
			for (String value : this.officers) {
				String[] parts = (value != null) ? value.split(":", 2) : new String[0];
				try {
					if (parts.length == 2 && Integer.parseInt(parts[1]) > 0) {
						map.put(Long.valueOf(parts[0]), Integer.valueOf(parts[1]));
					}
				}
				catch (NumberFormatException ex) {
					throw new DomainException("plan.entry.refused.officersPerDepartment", "officers");
				}
			}
		}
		return map;
	}

	/** What the officers select shows for a department (0: not taking part). */
	int officersOf(Long departmentId) {
		return officerMap().getOrDefault(departmentId, 0);
	}

	TargetScope scope() {
		return new TargetScope(this.scopeKinds, set(this.scopeRegions), set(this.scopeIndustries), this.scopeCredit,
				this.scopeStatuses, words(this.scopeTags), words(this.scopeLicences), Boolean.TRUE.equals(this.scopeKeyOnly));
	}

	Map<CreditBand, Sampling> sampling() {
		Map<CreditBand, Sampling> rules = new EnumMap<>(CreditBand.class);
		band(rules, CreditBand.A, this.rateA, this.countA, "rateA");
		band(rules, CreditBand.B, this.rateB, this.countB, "rateB");
		band(rules, CreditBand.C, this.rateC, this.countC, "rateC");
		band(rules, CreditBand.D, this.rateD, this.countD, "rateD");
		band(rules, CreditBand.NONE, this.rateNone, this.countNone, "rateNone");
		return rules;
	}

	private static void band(Map<CreditBand, Sampling> rules, CreditBand band, String rate, Integer count, String field) {
		boolean hasRate = rate != null && !rate.isBlank();
		if (hasRate && count != null) {
			throw new DomainException("plan.entry.refused.samplingOneRule", field);
		}
		if (hasRate) {
			try {
				// a percentage with up to two decimals is a whole number of basis points
				BigDecimal bp = new BigDecimal(rate.strip()).movePointRight(2);
				if (bp.stripTrailingZeros().scale() > 0 || bp.signum() <= 0 || bp.compareTo(BigDecimal.valueOf(10_000)) > 0) {
					throw new DomainException("plan.entry.refused.samplingRate", field, rate.strip());
				}
				rules.put(band, Sampling.rate(bp.intValueExact()));
			}
			catch (NumberFormatException | ArithmeticException ex) {
				throw new DomainException("plan.entry.refused.samplingRate", field, rate.strip());
			}
		}
		else if (count != null) {
			if (count < 1) {
				throw new DomainException("plan.entry.refused.samplingCount", field, count);
			}
			rules.put(band, Sampling.count(count));
		}
	}

	EntryDetails toDetails() {
		return new EntryDetails(this.name, this.selection, this.level, this.periodFrom, this.periodTo,
				this.leadDepartmentId, officerMap(), this.itemKeys, this.methods, scope(), this.excludeWithinMonths,
				sampling(), this.rounding, this.sampleTotal);
	}

	private static Set<String> set(List<String> values) {
		return (values == null) ? Set.of() : values.stream().filter(v -> v != null && !v.isBlank()).collect(Collectors.toSet());
	}

	private static Set<String> words(String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(text.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
	}

}
