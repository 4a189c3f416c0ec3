package org.doublerandom.inspection.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts under 三员分立: the system administrator creates, enables and disables accounts; the
 * security administrator grants and revokes roles, never to themselves; everyone changes their own password.
 */
@Service
@Transactional(readOnly = true)
public class AccountService {

	private final UserAccounts accounts;

	private final Departments departments;

	private final PasswordHasher hasher;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	private final PasswordPolicy policy;

	private final PasswordHistory history;

	private final ApplicationEventPublisher events;

	public AccountService(UserAccounts accounts, Departments departments, PasswordHasher hasher, CurrentActor actor,
			AuditTrail audit, Clock clock, PasswordRules rules, PasswordHistory history,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.departments = departments;
		this.hasher = hasher;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
		this.policy = new PasswordPolicy(rules, CommonPasswords.bundled());
		this.history = history;
		this.events = events;
	}

	public PasswordRules passwordRules() {
		return this.policy.rules();
	}

	/** 口令定期更换: a password older than the configured maximum age must be changed before anything else. */
	public boolean passwordExpired(UserAccount account) {
		return account.passwordExpired(this.clock.instant(), this.policy.rules().maxAge());
	}

	/** For sign-in only: the account with this username, whatever its state. */
	public Optional<UserAccount> forSignIn(String username) {
		return this.accounts.findByUsername(normalize(username));
	}

	public List<UserAccount> all() {
		this.actor.get().require("account.list", Role.SYS_ADMIN, Role.SECURITY_ADMIN);
		return this.accounts.findAllByOrderByUsernameAsc();
	}

	/** Colleagues in the actor's own department (department data scope applied in the query). */
	public List<UserAccount> colleagues() {
		Actor me = this.actor.get();
		me.require("account.colleagues", Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		return this.accounts.findByDepartmentIdOrderByUsernameAsc(me.departmentId());
	}

	public UserAccount account(Long id) {
		this.actor.get().require("account.read", Role.SYS_ADMIN, Role.SECURITY_ADMIN);
		return this.accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
	}

	@Transactional
	public UserAccount create(NewAccount command) {
		this.actor.get().require("account.create", Role.SYS_ADMIN);
		String username = normalize(command.username());
		if (Actor.isReservedName(username)) {
			throw new DomainException("account.username.reserved", "username", username);
		}
		if (this.accounts.existsByUsername(username)) {
			throw new DomainException("account.username.duplicate", "username", username);
		}
		if (command.departmentId() != null && this.departments.findById(command.departmentId()).isEmpty()) {
			throw new DomainException("account.department.unknown", "departmentId", command.departmentId());
		}
		checkPolicy(username, command.initialPassword(), "initialPassword");
		UserAccount saved = this.accounts.save(new UserAccount(username, command.displayName().strip(),
				this.hasher.hash(command.initialPassword()), command.departmentId(), true, this.clock.instant()));
		remember(saved);
		this.audit.success("account.create", "account", saved.getId(), username);
		return saved;
	}

	@Transactional
	public void setEnabled(Long id, boolean enabled) {
		Actor me = this.actor.get();
		me.require("account.enable", Role.SYS_ADMIN);
		UserAccount account = this.accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
		if (account.getUsername().equals(me.username()) && !enabled) {
			throw new DomainException("account.refused.disableSelf");
		}
		account.setEnabled(enabled);
		this.audit.success(enabled ? "account.enable" : "account.disable", "account", id, account.getUsername());
		if (!enabled) {
			this.events.publishEvent(new AccountAccessChanged(account.getUsername(), "account.disable"));
		}
	}

	@Transactional
	public void grant(Long id, Role role) {
		Actor me = this.actor.get();
		me.require("role.grant", Role.SECURITY_ADMIN);
		UserAccount account = this.accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
		if (account.getUsername().equals(me.username())) {
			throw new DomainException("role.refused.self", "role", role);
		}
		account.grant(role);
		this.accounts.save(account);
		this.audit.success("role.grant", "account", id, account.getUsername() + " +" + role);
		this.events.publishEvent(new AccountAccessChanged(account.getUsername(), "role.grant"));
	}

	@Transactional
	public void revoke(Long id, Role role) {
		Actor me = this.actor.get();
		me.require("role.revoke", Role.SECURITY_ADMIN);
		UserAccount account = this.accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
		if (account.getUsername().equals(me.username())) {
			throw new DomainException("role.refused.self", "role", role);
		}
		account.revoke(role);
		this.audit.success("role.revoke", "account", id, account.getUsername() + " -" + role);
		this.events.publishEvent(new AccountAccessChanged(account.getUsername(), "role.revoke"));
	}

	/**
	 * The system administrator gives a user a new one-time password (lost password, first administrator's
	 * password lost in the log). The user must change it at the next sign-in. Never one's own.
	 */
	@Transactional
	public void resetPassword(Long id, String oneTimePassword) {
		Actor me = this.actor.get();
		me.require("password.reset", Role.SYS_ADMIN);
		UserAccount account = this.accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
		if (account.getUsername().equals(me.username())) {
			throw new DomainException("password.refused.resetSelf");
		}
		checkPolicy(account.getUsername(), oneTimePassword, null);
		account.resetPassword(this.hasher.hash(oneTimePassword), this.clock.instant());
		remember(account);
		this.audit.success("password.reset", "account", id, account.getUsername());
		this.events.publishEvent(new AccountAccessChanged(account.getUsername(), "password.reset"));
	}

	/** The signed-in user changes their own password; the current one must be given. */
	@Transactional
	public void changeOwnPassword(String currentPassword, String newPassword) {
		Actor me = this.actor.get();
		UserAccount account = this.accounts.findByUsername(me.username())
			.orElseThrow(() -> new NotFoundException("account", me.username()));
		if (!this.hasher.matches(currentPassword, account.getPasswordHash())) {
			throw new DomainException("password.currentWrong", "currentPassword");
		}
		checkPolicy(account.getUsername(), newPassword, "newPassword");
		if (this.hasher.matches(newPassword, account.getPasswordHash())) {
			throw new DomainException("password.unchanged", "newPassword", this.policy.rules().messageArgs());
		}
		if (usedRecently(account, newPassword)) {
			throw new DomainException("password.reused", "newPassword", this.policy.rules().messageArgs());
		}
		account.changePassword(this.hasher.hash(newPassword), this.clock.instant());
		remember(account);
		this.audit.success("password.change", "account", account.getId(), account.getUsername());
	}

	/**
	 * Creates an account outside any user session: the first administrators of an empty installation and the
	 * demo accounts. Roles still pass {@link RoleAssignmentPolicy}.
	 */
	@Transactional
	public UserAccount provision(String username, String displayName, Long departmentId, String password,
			boolean mustChangePassword, Role... roles) {
		this.actor.get().requireSystem("account.provision");
		UserAccount account = new UserAccount(normalize(username), displayName,
				this.hasher.hash(password), departmentId, mustChangePassword, this.clock.instant());
		for (Role role : roles) {
			account.grant(role);
		}
		UserAccount saved = this.accounts.save(account);
		remember(saved);
		this.audit.record(Actor.system(), "account.provision", "account", saved.getId(),
				AuditOutcome.SUCCESS, saved.getUsername() + " " + saved.getRoles());
		return saved;
	}

	public boolean anyHolds(Role role) {
		return this.accounts.existsByRolesContaining(role);
	}

	private void checkPolicy(String username, String password, String field) {
		this.policy.violation(username, password).ifPresent(reason -> {
			throw new DomainException(reason, field, this.policy.rules().messageArgs());
		});
	}

	/** 口令历史: the newest N passwords, the current one included, compared through the encoder. */
	private boolean usedRecently(UserAccount account, String password) {
		return this.history
			.findByAccountIdOrderByIdDesc(account.getId(), PageRequest.of(0, this.policy.rules().historySize()))
			.stream()
			.anyMatch(entry -> this.hasher.matches(password, entry.getPasswordHash()));
	}

	private void remember(UserAccount account) {
		Instant now = this.clock.instant();
		this.history.save(new PasswordHistoryEntry(account.getId(), account.getPasswordHash(), now));
	}

	private static String normalize(String username) {
		return (username == null) ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

}
