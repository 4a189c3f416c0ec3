package org.doublerandom.inspection.web.config;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.doublerandom.inspection.account.UserAccount;
import org.doublerandom.inspection.shared.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in staff member: Spring Security's user plus department and display name. An administrator
 * whose password was right but whose second factor is still pending holds no role at all, so neither a URL
 * rule nor a service lets them do anything until the code is checked.
 */
public class StaffUser extends User {

	/** Kept in the session store (PostgreSQL): a changed class must not orphan every open session. */
	private static final long serialVersionUID = 1L;

	private final Long accountId;

	private final Long departmentId;

	private final String displayName;

	private final boolean mustChangePassword;

	private final boolean secondFactorPending;

	private final Set<Role> roles;

	StaffUser(UserAccount account, boolean locked, boolean passwordExpired) {
		this(account.getId(), account.getUsername(), account.getPasswordHash(), account.isEnabled(), !locked,
				account.getRoles(), account.getDepartmentId(), account.getDisplayName(),
				account.isMustChangePassword() || passwordExpired, false);
	}

	private StaffUser(Long accountId, String username, String password, boolean enabled, boolean nonLocked,
			Set<Role> roles, Long departmentId, String displayName, boolean mustChangePassword,
			boolean secondFactorPending) {
		super(username, password, enabled, true, true, nonLocked,
				secondFactorPending ? Set.of() : authorities(roles));
		this.accountId = accountId;
		this.roles = Set.copyOf(roles);
		this.departmentId = departmentId;
		this.displayName = displayName;
		this.mustChangePassword = mustChangePassword;
		this.secondFactorPending = secondFactorPending;
	}

	static Collection<? extends GrantedAuthority> authorities(Set<Role> roles) {
		return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).collect(Collectors.toSet());
	}

	StaffUser withPasswordChanged() {
		return new StaffUser(this.accountId, getUsername(), "", isEnabled(), true, this.roles, this.departmentId,
				this.displayName, false, this.secondFactorPending);
	}

	/** Password checked, TOTP code not yet: no roles until {@link #withSecondFactorVerified()}. */
	StaffUser withSecondFactorPending() {
		return new StaffUser(this.accountId, getUsername(), "", isEnabled(), true, this.roles, this.departmentId,
				this.displayName, this.mustChangePassword, true);
	}

	StaffUser withSecondFactorVerified() {
		return new StaffUser(this.accountId, getUsername(), "", isEnabled(), true, this.roles, this.departmentId,
				this.displayName, this.mustChangePassword, false);
	}

	public Long getAccountId() {
		return this.accountId;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public boolean isMustChangePassword() {
		return this.mustChangePassword;
	}

	public boolean isSecondFactorPending() {
		return this.secondFactorPending;
	}

	/** The roles in force: none while the second factor is pending. */
	public Set<Role> getRoles() {
		return this.secondFactorPending ? Set.of() : this.roles;
	}

	public boolean isAdministrator() {
		return this.roles.stream().anyMatch(Role::isAdministrator);
	}

}
