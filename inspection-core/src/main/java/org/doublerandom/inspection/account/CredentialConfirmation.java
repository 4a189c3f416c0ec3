package org.doublerandom.inspection.account;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 当面复核: a second person confirms an action at the operator's screen with their own password, so that a
 * record naming an approver proves the approver was there, not only that their name was typed. A wrong password
 * counts toward that account's sign-in lockout ({@link SignInLockout}), in a transaction of its own: the refused
 * action rolls back, the count must not.
 */
@Service
public class CredentialConfirmation {

	public enum Outcome {

		CONFIRMED, REFUSED, LOCKED

	}

	private final UserAccounts accounts;

	private final PasswordHasher hasher;

	private final SignInLockout lockout;

	public CredentialConfirmation(UserAccounts accounts, PasswordHasher hasher, SignInLockout lockout) {
		this.accounts = accounts;
		this.hasher = hasher;
		this.lockout = lockout;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Outcome confirm(String username, CharSequence password, String clientAddress) {
		Optional<UserAccount> account = (username == null) ? Optional.empty() : this.accounts.findByUsername(username);
		if (account.isEmpty() || !account.get().isEnabled() || password == null || password.isEmpty()) {
			return Outcome.REFUSED;
		}
		if (this.lockout.isLocked(account.get().getId())) {
			return Outcome.LOCKED;
		}
		if (this.hasher.matches(password, account.get().getPasswordHash())) {
			return Outcome.CONFIRMED;
		}
		return this.lockout.failed(username, clientAddress) ? Outcome.LOCKED : Outcome.REFUSED;
	}

}
