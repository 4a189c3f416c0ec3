package org.doublerandom.inspection.item;

/**
 * One line of a booklet: the reference and the item it points to in the list version now published, or
 * {@code null} when that version no longer has the item.
 */
public record BookletEntry(BookletItemRef ref, InspectionItem item) {

	public boolean isResolved() {
		return this.item != null;
	}

}
