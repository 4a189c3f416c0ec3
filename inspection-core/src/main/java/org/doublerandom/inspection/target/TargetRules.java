package org.doublerandom.inspection.target;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a target entry must meet, shared by the form and the importer so both refuse the same things
 * with the same words. Holds the reference data it checks against (regions, industries).
 */
public final class TargetRules {

	public static final int MAX_TAGS = 20;

	public static final int MAX_TAG_LENGTH = 30;

	private final Set<String> regionCodes;

	private final Map<String, String> sectionOfDivision;

	public TargetRules(Set<String> regionCodes, Map<String, String> sectionOfDivision) {
		this.regionCodes = Set.copyOf(regionCodes);
		this.sectionOfDivision = Map.copyOf(sectionOfDivision);
	}

	/** The normalised code and its type, or the violation that refuses it. */
	public record CheckedCode(String code, CodeType type, Violation violation) {
	}

	public CheckedCode checkCode(TargetKind kind, String typed) {
		String code = UnifiedSocialCreditCode.normalize(typed);
		if (code.isEmpty()) {
			return new CheckedCode(code, null, Violation.of("code", "target.code.required"));
		}
		if (code.length() > 64) {
			return new CheckedCode(code, null, Violation.of("code", "target.code.tooLong", 64));
		}
		CodeType type = CodeType.ofMarketEntityCode(code);
		if (type == CodeType.USCC) {
			UnifiedSocialCreditCode.Problem problem = UnifiedSocialCreditCode.check(code);
			if (problem != null) {
				Object expected = (problem == UnifiedSocialCreditCode.Problem.CHECK_CHARACTER)
						? UnifiedSocialCreditCode.checkCharacter(code.substring(0, 17)) : "";
				return new CheckedCode(code, null,
						Violation.of("code", "target.code." + problem.name(), code, String.valueOf(expected)));
			}
			return new CheckedCode(code, type, null);
		}
		if (kind != null && kind.isMarketEntity()) {
			if (type == null) {
				return new CheckedCode(code, null, Violation.of("code", "target.code.marketEntityShape", code));
			}
			return new CheckedCode(code, type, null);
		}
		return new CheckedCode(code, (type == null) ? CodeType.OTHER : type, null);
	}

	/** Every rule the data breaks (empty when valid). {@code today} bounds dates in the future. */
	public List<Violation> check(TargetData data, LocalDate today) {
		List<Violation> violations = new ArrayList<>();
		if (data.kind() == null) {
			violations.add(Violation.of("kind", "target.kind.required"));
		}
		if (data.name() == null || data.name().isBlank()) {
			violations.add(Violation.of("name", "target.name.required"));
		}
		else if (data.name().strip().length() > 200) {
			violations.add(Violation.of("name", "target.name.tooLong", 200));
		}
		if (data.regionCode() == null || !this.regionCodes.contains(data.regionCode())) {
			violations.add(Violation.of("regionCode", "target.region.unknown", String.valueOf(data.regionCode())));
		}
		if (data.industryDivisionCode() != null && !data.industryDivisionCode().isBlank()
				&& !this.sectionOfDivision.containsKey(data.industryDivisionCode().strip())) {
			violations.add(Violation.of("industryDivisionCode", "target.industry.unknown", data.industryDivisionCode()));
		}
		tooLong(violations, "address", data.address(), 300);
		tooLong(violations, "registrationAuthority", data.registrationAuthority(), 100);
		tooLong(violations, "creditClassSource", data.creditClassSource(), 100);
		if (data.establishedOn() != null && data.establishedOn().isAfter(today)) {
			violations.add(Violation.of("establishedOn", "target.date.future"));
		}
		if (data.creditClass() != null && data.creditClassOn() == null) {
			violations.add(Violation.of("creditClassOn", "target.creditClassOn.required"));
		}
		if (data.creditClassOn() != null && data.creditClassOn().isAfter(today)) {
			violations.add(Violation.of("creditClassOn", "target.date.future"));
		}
		if (data.tags().size() > MAX_TAGS) {
			violations.add(Violation.of("tags", "target.tags.tooMany", MAX_TAGS));
		}
		for (String tag : data.tags()) {
			if (tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
				violations.add(Violation.of("tags", "target.tags.badTag", MAX_TAG_LENGTH));
				break;
			}
		}
		return violations;
	}

	public String sectionOf(String divisionCode) {
		return (divisionCode == null || divisionCode.isBlank()) ? null : this.sectionOfDivision.get(divisionCode.strip());
	}

	private static void tooLong(List<Violation> violations, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			violations.add(Violation.of(field, "target." + field + ".tooLong", max));
		}
	}

}
