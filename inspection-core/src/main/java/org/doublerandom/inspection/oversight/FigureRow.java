package org.doublerandom.inspection.oversight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of a figure: its label (a name from the database, or a message key such as
 * {@code enum.TaskState.CREATED} when {@code labelIsKey}) and its cells: {@link Long} counts,
 * {@link java.math.BigDecimal} percentages, or text.
 */
public record FigureRow(String label, boolean labelIsKey, List<Object> cells) {

	public FigureRow {
		// cells may hold null (an unknown date): List.copyOf would refuse it
		cells = Collections.unmodifiableList(new ArrayList<>(cells));
	}

	public static FigureRow named(String label, Object... cells) {
		return new FigureRow(label, false, List.of(cells));
	}

	public static FigureRow keyed(String labelKey, Object... cells) {
		return new FigureRow(labelKey, true, List.of(cells));
	}

	public long count(int column) {
		Object cell = this.cells.get(column);
		return (cell instanceof Number n) ? n.longValue() : 0;
	}

}
