package org.doublerandom.inspection.target;

import java.time.LocalDate;

/** One line of the registry list (a read model: no lazy loading, no entity leaves the service). */
public record TargetRow(Long id, TargetKind kind, CodeType codeType, String code, String name, String regionCode,
		String industrySectionCode, String industryDivisionCode, TargetStatus status, boolean abnormalListed,
		CreditClass creditClass, boolean keySupervision, LocalDate establishedOn, int departmentCount) {
}
