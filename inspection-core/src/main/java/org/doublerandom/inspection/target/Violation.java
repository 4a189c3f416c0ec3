package org.doublerandom.inspection.target;

import java.util.List;

/** One broken rule about one field: a message key and its arguments, shown at the field or the row. */
public record Violation(String field, String messageKey, List<Object> arguments) {

	public Violation {
		arguments = List.copyOf(arguments);
	}

	public static Violation of(String field, String messageKey, Object... arguments) {
		return new Violation(field, messageKey, List.of(arguments));
	}

}
