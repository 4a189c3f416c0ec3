package org.doublerandom.inspection.target;

import java.util.List;

/**
 * One page of the registry list. The total is counted up to a cap: beyond it the list says "more than",
 * because an exact count over millions of rows would cost more than the page itself.
 */
public record TargetPage(List<TargetRow> rows, int page, int size, long total, boolean totalCapped) {

	public static final long COUNT_CAP = 2_000;

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean first() {
		return this.page == 0;
	}

	public boolean last() {
		return this.page + 1 >= totalPages();
	}

}
