package org.doublerandom.inspection.spreadsheet;

import java.util.List;

/** Receives the rows of a sheet in order; the first row a handler sees is the header. */
@FunctionalInterface
public interface RowHandler {

	/**
	 * @param rowNumber the row as the user sees it in Excel (1 = header)
	 * @param cells the cell texts, trimmed; missing cells are empty strings
	 */
	void row(int rowNumber, List<String> cells);

}
