package org.doublerandom.inspection.account;

import java.time.Duration;

/**
 * 口令策略 as configured ({@code inspection.security.password.*}): minimum length, how many of the four
 * character classes (upper case, lower case, digits, others) a password needs, how many earlier passwords
 * may not be reused, and after how long a password expires ({@link Duration#ZERO}: never).
 */
public record PasswordRules(int minLength, int minCharacterClasses, int historySize, Duration maxAge) {

	/** 等保 level 3 defaults: 12 characters, three classes, none of the last five, changed every 90 days. */
	public static final PasswordRules DEFAULTS = new PasswordRules(12, 3, 5, Duration.ofDays(90));

	public PasswordRules {
		if (minLength < 8 || minLength > PasswordPolicy.MAX_LENGTH) {
			throw new IllegalArgumentException("password minimum length must lie between 8 and "
					+ PasswordPolicy.MAX_LENGTH + ": " + minLength);
		}
		if (minCharacterClasses < 1 || minCharacterClasses > 4) {
			throw new IllegalArgumentException("character classes must lie between 1 and 4: " + minCharacterClasses);
		}
		if (historySize < 1) {
			throw new IllegalArgumentException("password history must keep at least the current password");
		}
		if (maxAge == null || maxAge.isNegative()) {
			throw new IllegalArgumentException("password maximum age must be zero (never) or positive");
		}
	}

	/** The arguments every password message may use: {0} length, {1} classes, {2} history size. */
	Object[] messageArgs() {
		return new Object[] { this.minLength, this.minCharacterClasses, this.historySize };
	}

}
