package org.doublerandom.inspection.account.web;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * One-time passwords for new installations and resets: 16 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), always with letters, a digit and a symbol, so they meet the password policy.
 */
@Component
class OneTimePasswords {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private final SecureRandom random = new SecureRandom();

	String next() {
		StringBuilder password = new StringBuilder();
		password.append(pick(UPPER)).append(pick(LOWER));
		for (int i = 0; i < 12; i++) {
			password.append(pick(ALPHABET));
		}
		return password.append('-').append(this.random.nextInt(10)).toString();
	}

	private char pick(String alphabet) {
		return alphabet.charAt(this.random.nextInt(alphabet.length()));
	}

}
