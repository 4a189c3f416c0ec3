package org.doublerandom.inspection.account;

import java.time.Instant;

import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RoleAssignmentPolicyTests {

	static UserAccount account(Long departmentId, Role... roles) {
		UserAccount account = new UserAccount("someone", "某人", "{noop}x", departmentId, false, Instant.EPOCH);
		for (Role role : roles) {
			account.grant(role);
		}
		return account;
	}

	@Test
	@DisplayName("an account holds at most one administrator role (三员分立)")
	void atMostOneAdministratorRole() {
		assertThat(RoleAssignmentPolicy.atMostOneAdministratorRole.refuse(account(null, Role.SYS_ADMIN),
				Role.AUDIT_ADMIN))
			.contains("role.refused.secondAdministratorRole");
		assertThat(RoleAssignmentPolicy.atMostOneAdministratorRole.refuse(account(null), Role.AUDIT_ADMIN)).isEmpty();
	}

	@Test
	@DisplayName("administrators do no business, and business staff hold no administrator role")
	void administratorsDoNoBusiness() {
		assertThat(RoleAssignmentPolicy.administratorsDoNoBusiness.refuse(account(1L, Role.OFFICER), Role.SYS_ADMIN))
			.contains("role.refused.administratorAndBusiness");
		assertThat(RoleAssignmentPolicy.administratorsDoNoBusiness.refuse(account(null, Role.AUDIT_ADMIN),
				Role.OFFICER))
			.contains("role.refused.administratorAndBusiness");
		assertThat(RoleAssignmentPolicy.administratorsDoNoBusiness.refuse(account(1L, Role.OFFICER),
				Role.DEPT_MANAGER))
			.isEmpty();
	}

	@Test
	@DisplayName("a business role needs a department to act for")
	void businessRolesNeedDepartment() {
		assertThat(RoleAssignmentPolicy.businessRolesNeedDepartment.refuse(account(null), Role.OFFICER))
			.contains("role.refused.needsDepartment");
		assertThat(RoleAssignmentPolicy.businessRolesNeedDepartment.refuse(account(7L), Role.BUREAU)).isEmpty();
		assertThat(RoleAssignmentPolicy.businessRolesNeedDepartment.refuse(account(null), Role.SYS_ADMIN)).isEmpty();
	}

	@Test
	void grantingThroughTheAccountAppliesEveryPolicyAndNamesTheRoleField() {
		UserAccount admin = account(null, Role.SECURITY_ADMIN);
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> admin.grant(Role.SYS_ADMIN))
			.satisfies(ex -> {
				assertThat(ex.messageKey()).isEqualTo("role.refused.secondAdministratorRole");
				assertThat(ex.field()).isEqualTo("role");
			});
		assertThat(admin.getRoles()).containsExactly(Role.SECURITY_ADMIN);
	}

}
