package org.doublerandom.inspection.account;

import java.time.Duration;

/**
 * 登录失败处理 as configured ({@code inspection.security.lockout.*}): this many failed sign-ins within the
 * window lock the account for the lock duration. The lock is soft and ends by itself, so nobody outside can
 * lock an account for good (ASVS 6.3.1); the system administrator may lift it earlier.
 */
public record LockoutRules(int maxFailures, Duration window, Duration lockDuration) {

	public static final LockoutRules DEFAULTS = new LockoutRules(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

	public LockoutRules {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("lockout needs at least one failure: " + maxFailures);
		}
		if (window == null || window.isNegative() || window.isZero() || lockDuration == null
				|| lockDuration.isNegative() || lockDuration.isZero()) {
			throw new IllegalArgumentException("lockout window and duration must be positive");
		}
	}

}
