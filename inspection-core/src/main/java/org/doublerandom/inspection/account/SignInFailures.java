package org.doublerandom.inspection.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: failed sign-ins per account and the lock they lead to. Each method is one atomic statement, so
 * simultaneous failed attempts are all counted.
 */
public interface SignInFailures {

	/** Until when the account is locked, if it ever was (the instant may have passed). */
	Optional<Instant> lockedUntil(Long accountId);

	/**
	 * Counts one failure: starts a new window when the last one began longer ago than {@code window}, and
	 * returns the number of failures in the current window, this one included.
	 */
	int countFailure(Long accountId, Instant now, Duration window);

	/** Locks until the instant and starts counting afresh. */
	void lock(Long accountId, Instant until);

	/** Forgets the failures and lifts any lock. */
	void clear(Long accountId);

}
