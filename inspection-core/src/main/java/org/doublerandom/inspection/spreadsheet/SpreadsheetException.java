package org.doublerandom.inspection.spreadsheet;

import org.doublerandom.inspection.shared.DomainException;

/** The file as a whole cannot be read (not a spreadsheet, too large, a zip bomb, empty...). */
public class SpreadsheetException extends DomainException {

	public SpreadsheetException(String messageKey, Object... arguments) {
		super(messageKey, "file", arguments);
	}

}
