package org.doublerandom.inspection.account;

import java.util.Locale;
import java.util.Optional;

/**
 * 口令复杂度 (等保 身份鉴别 a): at least the configured length (at most 128), the configured number of the
 * four character classes, not containing the username, and not a common password or a simple variant of
 * one. Returns the message key of the first rule broken. Reuse of earlier passwords needs the account's
 * history and is checked by {@link AccountService}.
 */
public final class PasswordPolicy {

	public static final int MAX_LENGTH = 128;

	private final PasswordRules rules;

	private final CommonPasswords common;

	public PasswordPolicy(PasswordRules rules, CommonPasswords common) {
		this.rules = rules;
		this.common = common;
	}

	public PasswordRules rules() {
		return this.rules;
	}

	public Optional<String> violation(String username, String password) {
		if (password == null || password.length() < this.rules.minLength()) {
			return Optional.of("password.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		if (characterClasses(password) < this.rules.minCharacterClasses()) {
			return Optional.of("password.tooSimple");
		}
		if (username != null && username.length() >= 3
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("password.containsUsername");
		}
		if (this.common.contains(password)) {
			return Optional.of("password.common");
		}
		return Optional.empty();
	}

	static int characterClasses(String password) {
		int classes = 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(ch -> !Character.isLetterOrDigit(ch)) ? 1 : 0;
		return classes;
	}

}
