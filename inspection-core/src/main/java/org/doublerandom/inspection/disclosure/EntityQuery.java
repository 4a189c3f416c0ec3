package org.doublerandom.inspection.disclosure;

import java.util.Locale;
import java.util.regex.Pattern;

import org.doublerandom.inspection.shared.DomainException;

/**
 * What a visitor typed into the entity lookup: a part of a name (two characters or more) or the start of a
 * 统一社会信用代码 / registration number (four characters or more, at least one a digit). Upper-cased when
 * code-like; too short or too long is refused at the field.
 */
public record EntityQuery(String text, boolean code) {

	public static final int MAX_LENGTH = 64;

	/** Four or more letters and digits, one of them a digit: what a typed code looks like. */
	private static final Pattern CODE_LIKE = Pattern.compile("(?=.*[0-9])[0-9A-Za-z]{4,64}");

	public EntityQuery {
		if (text == null || text.codePointCount(0, text.length()) < 2) {
			throw new DomainException("disclosure.entities.refused.tooShort", "q");
		}
		if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
			throw new DomainException("disclosure.entities.refused.tooLong", "q", MAX_LENGTH);
		}
	}

	public static EntityQuery of(String typed) {
		String text = (typed == null) ? "" : typed.strip();
		if (CODE_LIKE.matcher(text).matches()) {
			return new EntityQuery(text.toUpperCase(Locale.ROOT), true);
		}
		return new EntityQuery(text, false);
	}

}
