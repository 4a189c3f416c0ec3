package org.doublerandom.inspection.draw;

import java.util.Optional;
import java.util.Set;

import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.Role;

/**
 * 双人复核: an amendment or a void is approved by a second person who holds the authority, never by the
 * requester. The approver is an enabled account that is not the requester and is either a department manager
 * (科室负责人) of the task's lead department or the bureau (局领导/联席办). A name typed in the form that is no
 * such account is refused, so the record always names somebody who can be asked.
 */
public final class SecondApprover {

	private SecondApprover() {
	}

	/**
	 * What the form brings: the approver's username and, typed by the approver at the operator's screen, their
	 * password (当面复核, checked by {@link org.doublerandom.inspection.account.CredentialConfirmation}).
	 */
	public record Approval(String username, String password) {

		public Approval {
			username = (username == null) ? "" : username.strip();
		}

		@Override
		public String toString() {
			return "Approval[" + this.username + "]";
		}

	}

	/** The account named as approver, as far as this rule needs it. */
	public record Account(String username, boolean enabled, Set<Role> roles, Long departmentId) {

		public Account {
			roles = Set.copyOf(roles);
		}

	}

	/** The approver's username as recorded, or a refusal at the {@code approver} field saying why. */
	public static String check(String requester, String approverName, Optional<Account> approver, Long leadDepartmentId) {
		String name = (approverName == null) ? "" : approverName.strip();
		if (name.isEmpty() || name.length() > 64) {
			throw new DomainException("draw.refused.secondPerson", "approver");
		}
		if (name.equals(requester)) {
			throw new DomainException("draw.refused.secondPerson", "approver");
		}
		Account account = approver.filter(Account::enabled)
			.orElseThrow(() -> new DomainException("draw.refused.approverUnknown", "approver", name));
		boolean bureau = account.roles().contains(Role.BUREAU);
		boolean leadManager = account.roles().contains(Role.DEPT_MANAGER) && leadDepartmentId != null
				&& leadDepartmentId.equals(account.departmentId());
		if (!bureau && !leadManager) {
			throw new DomainException("draw.refused.approverRole", "approver", name);
		}
		return account.username();
	}

}
