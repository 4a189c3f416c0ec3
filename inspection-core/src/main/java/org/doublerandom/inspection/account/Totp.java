package org.doublerandom.inspection.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 动态口令 (TOTP, RFC 6238 over HOTP, RFC 4226) with the parameters every authenticator app expects:
 * HMAC-SHA1, 30-second steps from the Unix epoch, 6 digits.
 */
public final class Totp {

	public static final int DIGITS = 6;

	public static final long STEP_SECONDS = 30;

	/** Steps either side of now that are still accepted, for clocks a little apart. */
	public static final int DRIFT_STEPS = 1;

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private Totp() {
	}

	public static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
	}

	public static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS);
	}

	static String code(byte[] secret, long step, int digits) {
		byte[] counter = new byte[8];
		long value = step;
		for (int i = 7; i >= 0; i--) {
			counter[i] = (byte) (value & 0xff);
			value >>>= 8;
		}
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			hash = mac.doFinal(counter);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is part of every Java runtime", ex);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		String code = Integer.toString(binary % POWERS[digits]);
		return "0".repeat(digits - code.length()) + code;
	}

	/**
	 * The step whose code this is, within the drift around {@code now} and later than {@code lastUsedStep}
	 * (a code is good once), or empty.
	 */
	public static OptionalLong matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
		if (code == null) {
			return OptionalLong.empty();
		}
		String digits = code.replace(" ", "").strip();
		if (!digits.matches("[0-9]{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			if (step > lastUsedStep && constantTimeEquals(code(secret, step), digits)) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** The {@code otpauth://} URI that authenticator apps read from a QR code. */
	public static String uri(String issuer, String accountName, byte[] secret) {
		String label = encode(issuer) + ":" + encode(accountName);
		return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static boolean constantTimeEquals(String a, String b) {
		if (a.length() != b.length()) {
			return false;
		}
		int difference = 0;
		for (int i = 0; i < a.length(); i++) {
			difference |= a.charAt(i) ^ b.charAt(i);
		}
		return difference == 0;
	}

}
