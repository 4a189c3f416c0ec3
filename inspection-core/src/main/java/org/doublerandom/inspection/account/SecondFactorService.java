package org.doublerandom.inspection.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双因素认证 (等保 身份鉴别 d): the three administrators prove a TOTP code after their password. They enrol
 * once; a lost phone is recovered by the security administrator resetting the factor, after which the
 * administrator enrols again at the next sign-in. Secrets are stored sealed and never written to the
 * audit trail or the log.
 */
@Service
@Transactional(readOnly = true)
public class SecondFactorService {

	private final UserAccounts accounts;

	private final AccountTotps totps;

	private final SecretSealer sealer;

	private final SignInLockout lockout;

	private final AuditTrail audit;

	private final CurrentActor actor;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	public SecondFactorService(UserAccounts accounts, AccountTotps totps, SecretSealer sealer, SignInLockout lockout,
			AuditTrail audit, CurrentActor actor, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.totps = totps;
		this.sealer = sealer;
		this.lockout = lockout;
		this.audit = audit;
		this.actor = actor;
		this.events = events;
		this.clock = clock;
	}

	/** The three administrator roles must use the second factor. */
	public static boolean requiredFor(UserAccount account) {
		return account.isAdministrator();
	}

	public boolean enrolled(Long accountId) {
		return this.totps.existsById(accountId);
	}

	/**
	 * The signed-in user (password checked, second factor pending) gives a code. A wrong code counts as a
	 * failed sign-in towards the lock. Returns whether the code was right.
	 */
	@Transactional
	public boolean verify(String code) {
		Actor me = this.actor.get();
		UserAccount account = own(me);
		AccountTotp totp = this.totps.findById(account.getId())
			.orElseThrow(() -> new DomainException("totp.notEnrolled", "code"));
		Instant now = this.clock.instant();
		OptionalLong step = Totp.matchingStep(secretOf(totp), code, now, totp.getLastUsedStep());
		if (step.isEmpty() || this.lockout.isLocked(account.getId())) {
			this.audit.record(me, "auth.secondFactor", "account", account.getId(), AuditOutcome.FAILURE, null);
			this.lockout.failed(account.getUsername(), me.clientAddress());
			return false;
		}
		totp.used(step.getAsLong());
		this.totps.save(totp);
		this.lockout.succeeded(account.getId());
		this.audit.record(me, "auth.secondFactor", "account", account.getId(), AuditOutcome.SUCCESS, null);
		return true;
	}

	/**
	 * First enrolment of the signed-in user: the secret shown to them and a code from their app, proving the
	 * app holds it. Refused if a factor is already enrolled (only the security administrator resets it). A
	 * wrong code counts towards the lock (so it is answered, not thrown, and the count commits); returns
	 * whether the code was right.
	 */
	@Transactional
	public boolean enrol(byte[] secret, String code) {
		Actor me = this.actor.get();
		UserAccount account = own(me);
		if (this.totps.existsById(account.getId())) {
			throw new DomainException("totp.alreadyEnrolled", "code");
		}
		OptionalLong step = Totp.matchingStep(secret, code, this.clock.instant(), 0);
		if (step.isEmpty() || this.lockout.isLocked(account.getId())) {
			this.audit.record(me, "totp.enrol", "account", account.getId(), AuditOutcome.FAILURE, null);
			this.lockout.failed(account.getUsername(), me.clientAddress());
			return false;
		}
		this.totps.save(new AccountTotp(account.getId(), this.sealer.seal(secret), this.clock.instant(),
				step.getAsLong()));
		this.lockout.succeeded(account.getId());
		this.audit.record(me, "totp.enrol", "account", account.getId(), AuditOutcome.SUCCESS, account.getUsername());
		return true;
	}

	/** The security administrator removes another account's factor (lost phone); its sessions end. */
	@Transactional
	public void reset(Long accountId) {
		Actor me = this.actor.get();
		me.require("totp.reset", Role.SECURITY_ADMIN);
		UserAccount account = this.accounts.findById(accountId)
			.orElseThrow(() -> new NotFoundException("account", accountId));
		if (account.getUsername().equals(me.username())) {
			throw new DomainException("totp.refused.resetSelf");
		}
		if (!this.totps.existsById(accountId)) {
			throw new DomainException("totp.notEnrolled");
		}
		this.totps.deleteById(accountId);
		this.audit.success("totp.reset", "account", accountId, account.getUsername());
		this.events.publishEvent(new AccountAccessChanged(account.getUsername(), "totp.reset"));
	}

	/** Demo mode only: enrols a demo administrator with the published demo secret. */
	@Transactional
	public void provision(String username, byte[] secret) {
		this.actor.get().requireSystem("totp.provision");
		UserAccount account = this.accounts.findByUsername(username)
			.orElseThrow(() -> new NotFoundException("account", username));
		Optional<AccountTotp> existing = this.totps.findById(account.getId());
		if (existing.isPresent() && readable(existing.get())) {
			return;
		}
		// a demo database kept while its sealing key was deleted: enrol the demo secret again
		existing.ifPresent(stale -> this.totps.deleteById(stale.getAccountId()));
		this.totps.save(new AccountTotp(account.getId(), this.sealer.seal(secret), this.clock.instant(), 0));
		this.audit.record(Actor.system(), "totp.provision", "account", account.getId(), AuditOutcome.SUCCESS,
				username);
	}

	/** A secret sealed under another key (key lost or replaced) cannot be checked: say so, not a 500. */
	private byte[] secretOf(AccountTotp totp) {
		try {
			return this.sealer.open(totp.getSealedSecret());
		}
		catch (IllegalStateException ex) {
			throw new DomainException("totp.unreadable", "code");
		}
	}

	private boolean readable(AccountTotp totp) {
		try {
			this.sealer.open(totp.getSealedSecret());
			return true;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private UserAccount own(Actor me) {
		return this.accounts.findByUsername(me.username())
			.orElseThrow(() -> new NotFoundException("account", me.username()));
	}

}
