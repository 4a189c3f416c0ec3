package org.doublerandom.inspection.account.web;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/** New TOTP secrets: 160 random bits, the length RFC 4226 recommends for HMAC-SHA1. */
@Component
class TotpSecrets {

	static final int BYTES = 20;

	private final SecureRandom random = new SecureRandom();

	byte[] next() {
		byte[] secret = new byte[BYTES];
		this.random.nextBytes(secret);
		return secret;
	}

}
