package org.doublerandom.inspection.draw;

/**
 * Identifiers inside the draw (target ids, inspector ids, department codes, stratum values, item codes,
 * reason codes) are tokens of {@code [0-9A-Za-z_.-]}, 1 to 64 characters: no quoting is ever needed in the
 * CSV, their UTF-8 bytes are their characters, and bytewise order is the same in every language.
 */
public final class Tokens {

	public static final int MAX_LENGTH = 64;

	private Tokens() {
	}

	public static boolean isToken(String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'
					|| c == '.' || c == '-';
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	public static String require(String value, String what) {
		if (!isToken(value)) {
			throw new DrawInputException(what + " must be 1-" + MAX_LENGTH + " characters of [0-9A-Za-z_.-]: '"
					+ value + "'");
		}
		return value;
	}

	/**
	 * The draw id of a registry entry: its 统一社会信用代码 or 注册号 when it has one (stable across registries,
	 * so a firm recognises itself in the published pool), otherwise {@code T-} and the registry's number. A
	 * hyphen never occurs in either code, so the two forms cannot collide.
	 */
	public static String targetId(boolean marketEntityCode, String code, long registryId) {
		return marketEntityCode ? require(code, "target code") : "T-" + registryId;
	}

}
