package org.doublerandom.inspection.account;

import java.util.List;
import java.util.Optional;

import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.Role;

/**
 * The rules of 三员分立 for granting a role, each a named policy with its own refusal reason. The
 * database enforces the first two again (trigger {@code user_account_role_separation}).
 */
public interface RoleAssignmentPolicy {

	/** Returns the message key of the refusal, or empty when the grant is allowed. */
	Optional<String> refuse(UserAccount account, Role role);

	RoleAssignmentPolicy atMostOneAdministratorRole = (account, role) -> role.isAdministrator()
			&& account.getRoles().stream().anyMatch(held -> held.isAdministrator() && held != role)
					? Optional.of("role.refused.secondAdministratorRole") : Optional.empty();

	RoleAssignmentPolicy administratorsDoNoBusiness = (account, role) -> {
		boolean holdsAdmin = account.getRoles().stream().anyMatch(Role::isAdministrator);
		boolean holdsBusiness = account.getRoles().stream().anyMatch(held -> !held.isAdministrator());
		if ((role.isAdministrator() && holdsBusiness) || (!role.isAdministrator() && holdsAdmin)) {
			return Optional.of("role.refused.administratorAndBusiness");
		}
		return Optional.empty();
	};

	RoleAssignmentPolicy businessRolesNeedDepartment = (account, role) -> role.needsDepartment()
			&& account.getDepartmentId() == null ? Optional.of("role.refused.needsDepartment") : Optional.empty();

	static List<RoleAssignmentPolicy> all() {
		return List.of(atMostOneAdministratorRole, administratorsDoNoBusiness, businessRolesNeedDepartment);
	}

	static void check(UserAccount account, Role role) {
		for (RoleAssignmentPolicy policy : all()) {
			policy.refuse(account, role).ifPresent(reason -> {
				throw new DomainException(reason, "role", role);
			});
		}
	}

}
