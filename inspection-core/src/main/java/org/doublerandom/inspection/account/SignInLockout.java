package org.doublerandom.inspection.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 登录失败处理 (等保 身份鉴别 b): after {@link LockoutRules#maxFailures()} failed sign-ins (wrong password or
 * wrong second-factor code) within the window, the account is locked for the lock duration. While locked,
 * even the right password is refused, with the same message as a wrong one, so a guesser learns nothing.
 * A lock is audited; the system administrator may lift it.
 */
@Service
@Transactional(readOnly = true)
public class SignInLockout {

	private final UserAccounts accounts;

	private final SignInFailures failures;

	private final LockoutRules rules;

	private final AuditTrail audit;

	private final CurrentActor actor;

	private final Clock clock;

	public SignInLockout(UserAccounts accounts, SignInFailures failures, LockoutRules rules, AuditTrail audit,
			CurrentActor actor, Clock clock) {
		this.accounts = accounts;
		this.failures = failures;
		this.rules = rules;
		this.audit = audit;
		this.actor = actor;
		this.clock = clock;
	}

	public LockoutRules rules() {
		return this.rules;
	}

	public boolean isLocked(Long accountId) {
		return lockedUntil(accountId).isPresent();
	}

	/** The end of the lock, if the account is locked now. */
	public Optional<Instant> lockedUntil(Long accountId) {
		Instant now = this.clock.instant();
		return this.failures.lockedUntil(accountId).filter(until -> until.isAfter(now));
	}

	/**
	 * Counts a failed attempt for the username, if such an account exists, and locks it at the limit.
	 * Attempts while locked are not counted: the lock is not extended from outside. Returns whether the
	 * account is locked now.
	 */
	@Transactional
	public boolean failed(String username, String clientAddress) {
		Optional<UserAccount> account = this.accounts.findByUsername(username);
		if (account.isEmpty()) {
			return false;
		}
		Long id = account.get().getId();
		if (isLocked(id)) {
			return true;
		}
		Instant now = this.clock.instant();
		int count = this.failures.countFailure(id, now, this.rules.window());
		if (count < this.rules.maxFailures()) {
			return false;
		}
		Instant until = now.plus(this.rules.lockDuration());
		this.failures.lock(id, until);
		this.audit.record(new Actor(Actor.SYSTEM, Set.of(), null, clientAddress), "account.lock", "account", id,
				AuditOutcome.SUCCESS, username + " " + count + " failures, locked until " + until);
		return true;
	}

	/** A complete sign-in forgets the earlier failures. */
	@Transactional
	public void succeeded(Long accountId) {
		this.failures.clear(accountId);
	}

	/** The system administrator lifts a lock before it ends (the user called, identity checked). */
	@Transactional
	public void unlock(Long accountId) {
		Actor me = this.actor.get();
		me.require("account.unlock", Role.SYS_ADMIN);
		UserAccount account = this.accounts.findById(accountId)
			.orElseThrow(() -> new NotFoundException("account", accountId));
		if (account.getUsername().equals(me.username())) {
			throw new DomainException("account.refused.unlockSelf");
		}
		this.failures.clear(accountId);
		this.audit.success("account.unlock", "account", accountId, account.getUsername());
	}

}
