package org.doublerandom.inspection.inspector.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.doublerandom.inspection.inspector.InspectorDetail;
import org.doublerandom.inspection.inspector.InspectorDetails;
import org.doublerandom.inspection.inspector.InspectorKind;
import org.doublerandom.inspection.inspector.InspectorStatus;

/**
 * The create and edit form. The phone is never filled in from the record (it would be shown unmasked): blank
 * keeps the number on file, {@code clearPhone} removes it (a {@code Boolean}: an unticked box sends nothing, which
 * a primitive could not bind). {@code expertise} is a list of tags separated by
 * commas or 、.
 */
record InspectorForm(@NotBlank @Size(max = 50) String name, @NotNull InspectorKind kind, @Size(max = 100) String unit,
		@NotBlank String regionCode, InspectorStatus status, @Pattern(regexp = "|1[3-9][0-9]{9}") String phone,
		Boolean clearPhone, @Size(max = 500) String qualifications, Long userAccountId,
		@Size(max = 400) String expertise, Long version) {

	static InspectorForm empty(String regionCode) {
		return new InspectorForm("", InspectorKind.OFFICER, "", regionCode, InspectorStatus.ACTIVE, "", false, "",
				null, "", null);
	}

	static InspectorForm of(InspectorDetail detail) {
		var i = detail.inspector();
		return new InspectorForm(i.getName(), i.getKind(), i.getUnit(), i.getRegionCode(), i.getStatus(), "", false,
				i.getQualifications(), i.getUserAccountId(), String.join("、", detail.expertise()), i.getVersion());
	}

	InspectorDetails toCommand() {
		Set<String> tags = new LinkedHashSet<>();
		if (this.expertise != null) {
			Arrays.stream(this.expertise.split("[,，、;；]+")).map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
		}
		String newPhone = (this.phone == null || this.phone.isBlank()) ? null : this.phone.strip();
		return new InspectorDetails(this.name, this.kind, this.unit, this.regionCode, this.status, newPhone,
				Boolean.TRUE.equals(this.clearPhone), this.qualifications, this.userAccountId, tags);
	}

}
