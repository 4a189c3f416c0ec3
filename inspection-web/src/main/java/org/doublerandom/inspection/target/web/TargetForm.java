package org.doublerandom.inspection.target.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.doublerandom.inspection.target.CreditClass;
import org.doublerandom.inspection.target.Target;
import org.doublerandom.inspection.target.TargetData;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.target.TargetStatus;
import org.springframework.format.annotation.DateTimeFormat;

/** The create and edit form of a target; the rules themselves live in the core (TargetRules). */
record TargetForm(TargetKind kind, String code, String name, String regionCode, String address,
		String industryDivisionCode, String registrationAuthority,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate establishedOn, TargetStatus status,
		Boolean abnormalListed, CreditClass creditClass,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate creditClassOn, String creditClassSource,
		Boolean keySupervision, String tags) {

	static TargetForm empty() {
		return new TargetForm(TargetKind.ENTERPRISE, "", "", "", "", "", "", null, TargetStatus.ACTIVE, false, null,
				null, "", false, "");
	}

	static TargetForm of(Target t) {
		return new TargetForm(t.getKind(), t.getCode(), t.getName(), t.getRegionCode(), t.getAddress(),
				t.getIndustryDivisionCode(), t.getRegistrationAuthority(), t.getEstablishedOn(), t.getStatus(),
				t.isAbnormalListed(), t.getCreditClass(), t.getCreditClassOn(), t.getCreditClassSource(),
				t.isKeySupervision(), String.join("，", t.getTags()));
	}

	TargetData toData() {
		return new TargetData(this.kind, this.code, this.name, this.regionCode, this.address,
				this.industryDivisionCode, this.registrationAuthority, this.establishedOn, this.status,
				Boolean.TRUE.equals(this.abnormalListed), this.creditClass, this.creditClassOn, this.creditClassSource,
				Boolean.TRUE.equals(this.keySupervision), splitTags(this.tags));
	}

	/** Tags as people type them: separated by commas (either width), semicolons or spaces. */
	static Set<String> splitTags(String tags) {
		if (tags == null || tags.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(tags.split("[,，;；、\\s]+"))
			.map(String::strip)
			.filter(tag -> !tag.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

}
