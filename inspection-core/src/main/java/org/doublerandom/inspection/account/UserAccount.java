package org.doublerandom.inspection.account;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.doublerandom.inspection.shared.Role;

/**
 * 用户账户: one person's staff account. Holds only a password hash; roles change through
 * {@link RoleAssignmentPolicy}, which says why a grant is refused.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String displayName;

	private String passwordHash;

	private Long departmentId;

	private boolean enabled;

	private boolean mustChangePassword;

	private Instant passwordChangedAt;

	private Instant createdAt;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_account_role", joinColumns = @JoinColumn(name = "user_account_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	protected UserAccount() {
	}

	UserAccount(String username, String displayName, String passwordHash, Long departmentId,
			boolean mustChangePassword, Instant now) {
		this.username = Objects.requireNonNull(username);
		this.displayName = Objects.requireNonNull(displayName);
		this.passwordHash = Objects.requireNonNull(passwordHash);
		this.departmentId = departmentId;
		this.enabled = true;
		this.mustChangePassword = mustChangePassword;
		this.passwordChangedAt = now;
		this.createdAt = now;
	}

	void grant(Role role) {
		RoleAssignmentPolicy.check(this, role);
		this.roles.add(role);
	}

	void revoke(Role role) {
		this.roles.remove(role);
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = Objects.requireNonNull(newHash);
		this.passwordChangedAt = now;
		this.mustChangePassword = false;
	}

	void resetPassword(String newHash, Instant now) {
		this.passwordHash = Objects.requireNonNull(newHash);
		this.passwordChangedAt = now;
		this.mustChangePassword = true;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public boolean isMustChangePassword() {
		return this.mustChangePassword;
	}

	public Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Set<Role> getRoles() {
		return Set.copyOf(this.roles);
	}

	/** The password is older than {@code maxAge} ({@link Duration#ZERO}: passwords never expire). */
	public boolean passwordExpired(Instant now, Duration maxAge) {
		return !maxAge.isZero() && this.passwordChangedAt.plus(maxAge).isBefore(now);
	}

	public boolean isAdministrator() {
		return this.roles.stream().anyMatch(Role::isAdministrator);
	}

}
