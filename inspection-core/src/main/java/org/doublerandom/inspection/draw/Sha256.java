package org.doublerandom.inspection.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 (every Java SE runtime has it), and the lowercase hex the evidence is written in. */
public final class Sha256 {

	public static final int LENGTH = 32;

	private static final HexFormat HEX = HexFormat.of();

	private Sha256() {
	}

	public static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
		}
	}

	public static byte[] of(byte[]... parts) {
		MessageDigest digest = newDigest();
		for (byte[] part : parts) {
			digest.update(part);
		}
		return digest.digest();
	}

	public static byte[] of(String utf8) {
		return of(utf8(utf8));
	}

	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	public static String hex(byte[] bytes) {
		return HEX.formatHex(bytes);
	}

	/** Lowercase hex of exactly {@code length} bytes; anything else is refused. */
	public static byte[] fromHex(String hex, int length, String what) {
		if (hex == null || hex.length() != 2 * length || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
			throw new DrawInputException(what + " must be " + 2 * length + " lowercase hex digits: " + hex);
		}
		return HEX.parseHex(hex);
	}

}
