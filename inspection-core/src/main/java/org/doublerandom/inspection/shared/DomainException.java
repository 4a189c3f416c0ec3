package org.doublerandom.inspection.shared;

import java.util.List;

/**
 * A business rule refused an operation. Carries a message key (resolved in the user's language by the
 * web layer) and the field it concerns, so a form can show it where the input was made.
 */
public class DomainException extends RuntimeException {

	private final String messageKey;

	private final List<Object> arguments;

	private final String field;

	public DomainException(String messageKey, String field, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.field = field;
		this.arguments = List.of(arguments);
	}

	public DomainException(String messageKey) {
		this(messageKey, null);
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.toArray();
	}

	/** The form field this refusal belongs to, or {@code null} for a form-wide error. */
	public String field() {
		return this.field;
	}

}
