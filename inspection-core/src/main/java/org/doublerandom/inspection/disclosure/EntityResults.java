package org.doublerandom.inspection.disclosure;

import java.util.List;

/**
 * A page of the entity lookup. No total is counted (a common word matches tens of thousands of names): the
 * page says only whether another one follows.
 */
public record EntityResults(EntityQuery query, List<PublicEntity> rows, int page, int size, boolean hasNext) {

	public EntityResults {
		rows = List.copyOf(rows);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

}
