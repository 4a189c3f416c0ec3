package org.doublerandom.inspection.target;

import java.util.Locale;

/**
 * 统一社会信用代码: the 18-character code of GB 32100-2015. Characters come from a 31-symbol alphabet
 * (digits and capitals without I, O, S, V, Z); the last one is a check character over the first 17, with
 * weights 3^i mod 31.
 */
public record UnifiedSocialCreditCode(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public UnifiedSocialCreditCode {
		Problem problem = check(value);
		if (problem != null) {
			throw new IllegalArgumentException(problem.name() + ": " + value);
		}
	}

	/** Upper-cases and trims what a person typed, then validates. */
	public static UnifiedSocialCreditCode of(String typed) {
		return new UnifiedSocialCreditCode(normalize(typed));
	}

	public static String normalize(String typed) {
		return (typed == null) ? "" : typed.strip().toUpperCase(Locale.ROOT);
	}

	/** Why a string is not a valid code, or {@code null} when it is. */
	public static Problem check(String value) {
		if (value == null || value.length() != 18) {
			return Problem.LENGTH;
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(value.charAt(i)) < 0) {
				return Problem.CHARACTER;
			}
		}
		for (int i = 2; i < 8; i++) {
			// positions 3-8 are the GB/T 2260 region of the registering authority
			if (!Character.isDigit(value.charAt(i))) {
				return Problem.REGION;
			}
		}
		if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
			return Problem.CHECK_CHARACTER;
		}
		return null;
	}

	/** The check character for the first 17 characters (which must be from the alphabet). */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	/** The six-digit region code embedded in positions 3-8. */
	public String regionCode() {
		return this.value.substring(2, 8);
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** What is wrong with a candidate code; each has a message key {@code target.code.<name>}. */
	public enum Problem {

		LENGTH, CHARACTER, REGION, CHECK_CHARACTER

	}

}
