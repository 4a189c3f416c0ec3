package org.doublerandom.inspection.target;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a person or an import row says about a target, before validation. Codes are as typed; the
 * service normalises and checks them.
 */
public record TargetData(TargetKind kind, String code, String name, String regionCode, String address,
		String industryDivisionCode, String registrationAuthority, LocalDate establishedOn, TargetStatus status,
		boolean abnormalListed, CreditClass creditClass, LocalDate creditClassOn, String creditClassSource,
		boolean keySupervision, Set<String> tags) {

	public TargetData {
		tags = (tags == null) ? Set.of() : Set.copyOf(tags);
		status = (status == null) ? TargetStatus.ACTIVE : status;
	}

}
