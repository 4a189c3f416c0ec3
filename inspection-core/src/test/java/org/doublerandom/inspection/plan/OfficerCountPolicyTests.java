package org.doublerandom.inspection.plan;

import java.util.Map;

import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficerCountPolicyTests {

	@Test
	void aVisitNeedsTwoOfficersInTotalAndEveryDepartmentSendsOne() {
		assertThatCode(() -> OfficerCountPolicy.check(Map.of(1L, 2))).doesNotThrowAnyException();
		assertThatCode(() -> OfficerCountPolicy.check(Map.of(1L, 1, 2L, 1))).doesNotThrowAnyException();
		assertThatThrownBy(() -> OfficerCountPolicy.check(Map.of(1L, 1))).isInstanceOf(DomainException.class)
			.hasMessage("plan.entry.refused.officersTotal");
		assertThatThrownBy(() -> OfficerCountPolicy.check(Map.of(1L, 3, 2L, 0))).isInstanceOf(DomainException.class)
			.hasMessage("plan.entry.refused.officersPerDepartment");
	}

}
