package org.doublerandom.inspection.draw;

import org.doublerandom.inspection.shared.DomainException;

/**
 * An input of the draw breaks the specification (a malformed id, an unsorted file, a plan that does not
 * match its inputs). The detail names the file, row or field in plain words; the web layer shows it under
 * the key {@code draw.input.invalid}.
 */
public class DrawInputException extends DomainException {

	private final String detail;

	public DrawInputException(String detail) {
		super("draw.input.invalid", null, detail);
		this.detail = detail;
	}

	public String detail() {
		return this.detail;
	}

	@Override
	public String getMessage() {
		return this.detail;
	}

}
