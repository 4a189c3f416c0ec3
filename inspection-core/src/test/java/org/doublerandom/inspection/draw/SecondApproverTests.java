package org.doublerandom.inspection.draw;

import java.util.Optional;
import java.util.Set;

import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecondApproverTests {

	static final long LEAD = 7L;

	static Optional<SecondApprover.Account> account(String name, boolean enabled, Role role, long department) {
		return Optional.of(new SecondApprover.Account(name, enabled, Set.of(role), department));
	}

	static String refusal(String requester, String name, Optional<SecondApprover.Account> account) {
		try {
			SecondApprover.check(requester, name, account, LEAD);
			return "accepted";
		}
		catch (DomainException ex) {
			assertThat(ex.field()).isEqualTo("approver");
			return ex.messageKey();
		}
	}

	@Test
	void aManagerOfTheLeadDepartmentOrTheBureauApprovesAnotherPersonsRequest() {
		assertThat(SecondApprover.check("officer", " manager ", account("manager", true, Role.DEPT_MANAGER, LEAD), LEAD))
			.isEqualTo("manager");
		assertThat(SecondApprover.check("officer", "bureau", account("bureau", true, Role.BUREAU, 1), LEAD)).isEqualTo("bureau");
	}

	@Test
	void theRequesterAnUnknownOrDisabledAccountAndTheWrongRoleAreRefused() {
		assertThat(refusal("manager", "manager", account("manager", true, Role.DEPT_MANAGER, LEAD)))
			.isEqualTo("draw.refused.secondPerson");
		assertThat(refusal("officer", "", Optional.empty())).isEqualTo("draw.refused.secondPerson");
		assertThat(refusal("officer", "张三", Optional.empty())).isEqualTo("draw.refused.approverUnknown");
		assertThat(refusal("officer", "manager", account("manager", false, Role.DEPT_MANAGER, LEAD)))
			.isEqualTo("draw.refused.approverUnknown");
		assertThat(refusal("officer", "colleague", account("colleague", true, Role.OFFICER, LEAD)))
			.isEqualTo("draw.refused.approverRole");
		assertThat(refusal("officer", "other", account("other", true, Role.DEPT_MANAGER, 99))).isEqualTo("draw.refused.approverRole");
		assertThatThrownBy(() -> SecondApprover.check("officer", "x".repeat(65), Optional.empty(), LEAD))
			.isInstanceOf(DomainException.class);
	}

}
