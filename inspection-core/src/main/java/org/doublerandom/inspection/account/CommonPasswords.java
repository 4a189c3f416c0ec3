package org.doublerandom.inspection.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * 弱口令黑名单: the bundled list of common passwords ({@code common-passwords.txt}, its source in its
 * header). A password is common if, lower-cased, it is on the list, or becomes so once the digits and
 * symbols around it are removed or the usual letter substitutions are undone: {@code Password123!} and
 * {@code P@ssw0rd} are both {@code password}, and {@code 1234567890Aa!} is {@code 1234567890}. Checked locally, because a government intranet cannot ask an
 * online breach service.
 */
public final class CommonPasswords {

	static final String RESOURCE = "common-passwords.txt";

	private static final CommonPasswords BUNDLED = load();

	private final Set<String> entries;

	CommonPasswords(Set<String> entries) {
		this.entries = Set.copyOf(entries);
	}

	public static CommonPasswords bundled() {
		return BUNDLED;
	}

	public int size() {
		return this.entries.size();
	}

	public boolean contains(String password) {
		if (password == null) {
			return false;
		}
		return variants(password).stream().anyMatch(this.entries::contains);
	}

	/** The password and its simple variants, all lower case. */
	static Set<String> variants(String password) {
		String lower = password.strip().toLowerCase(Locale.ROOT);
		Set<String> variants = new LinkedHashSet<>();
		variants.add(lower);
		String core = stripAround(lower);
		variants.add(core);
		for (String unleeted : new String[] { unleet(lower, 'i'), unleet(lower, 'l') }) {
			variants.add(unleeted);
			variants.add(stripAround(unleeted));
		}
		variants.add(unleet(core, 'i'));
		variants.add(unleet(core, 'l'));
		// a common run of digits with a few letters added to pass the character classes: 1234567890Aa!
		String digitsBefore = lower.replaceFirst("^([^\\p{L}]*).*$", "$1").replaceAll("[^0-9]", "");
		String digitsAfter = lower.replaceFirst("^.*?([^\\p{L}]*)$", "$1").replaceAll("[^0-9]", "");
		for (String digits : new String[] { digitsBefore, digitsAfter }) {
			if (digits.length() >= 6) {
				variants.add(digits);
			}
		}
		variants.remove("");
		return variants;
	}

	/** Removes digits, symbols and spaces before the first letter and after the last one. */
	private static String stripAround(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && !Character.isLetter(text.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetter(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	/** Undoes the usual substitutions inside a word: {@code p@ssw0rd} is {@code password}. */
	private static String unleet(String text, char one) {
		StringBuilder plain = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			plain.append(switch (ch) {
				case '@', '4' -> 'a';
				case '3' -> 'e';
				case '1', '!' -> one;
				case '0' -> 'o';
				case '$', '5' -> 's';
				case '7', '+' -> 't';
				default -> ch;
			});
		}
		return plain.toString();
	}

	private static CommonPasswords load() {
		Set<String> entries = new HashSet<>();
		try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("bundled password list missing: " + RESOURCE);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				String entry = line.strip();
				if (!entry.isEmpty() && !entry.startsWith("#")) {
					entries.add(entry.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new CommonPasswords(entries);
	}

}
