package org.doublerandom.inspection.item;

import java.util.List;

/** Command: what an 一业一册 booklet says and which items it gathers, in order. */
public record BookletDetails(String name, String industrySection, String description, List<BookletItemRef> items) {

	public BookletDetails {
		items = List.copyOf(items);
	}

}
