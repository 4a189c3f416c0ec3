package org.doublerandom.inspection.web.config;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.doublerandom.inspection.account.UserAccount;
import org.doublerandom.inspection.shared.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in staff member: Spring Security's user plus department and display name. */
public class StaffUser extends User {

	private final Long departmentId;

	private final String displayName;

	private final boolean mustChangePassword;

	private final Set<Role> roles;

	StaffUser(UserAccount account) {
		this(account.getUsername(), account.getPasswordHash(), account.isEnabled(), account.getRoles(),
				account.getDepartmentId(), account.getDisplayName(), account.isMustChangePassword());
	}

	private StaffUser(String username, String password, boolean enabled, Set<Role> roles, Long departmentId,
			String displayName, boolean mustChangePassword) {
		super(username, password, enabled, true, true, true, authorities(roles));
		this.roles = Set.copyOf(roles);
		this.departmentId = departmentId;
		this.displayName = displayName;
		this.mustChangePassword = mustChangePassword;
	}

	static Collection<? extends GrantedAuthority> authorities(Set<Role> roles) {
		return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).collect(Collectors.toSet());
	}

	StaffUser withPasswordChanged() {
		return new StaffUser(getUsername(), "", isEnabled(), this.roles, this.departmentId, this.displayName, false);
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

	public Set<Role> getRoles() {
		return this.roles;
	}

}
