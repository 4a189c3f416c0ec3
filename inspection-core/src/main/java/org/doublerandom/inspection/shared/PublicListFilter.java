package org.doublerandom.inspection.shared;

import java.time.LocalDate;

/**
 * The filters of the public listings (公开列表筛选): a department (检查实施机关, lead or taking part), a year and a
 * banner/district (旗区, a GB/T 2260 code); {@code null} means any. What each listing matches on is in
 * docs/open-data.md ("Filters of the public listings"). Values the filter bar never offers are refused here, so
 * no query runs on them.
 */
public record PublicListFilter(Long departmentId, Integer year, String regionCode) {

	private static final PublicListFilter NONE = new PublicListFilter(null, null, null);

	public PublicListFilter {
		if (year != null && (year < 2000 || year > 2100)) {
			throw new DomainException("public.filter.refused.year", "year", String.valueOf(year));
		}
		if (regionCode != null) {
			regionCode = regionCode.strip();
			if (regionCode.isEmpty()) {
				regionCode = null;
			}
			else if (!regionCode.matches("[0-9]{6}")) {
				throw new DomainException("public.filter.refused.region", "region");
			}
		}
	}

	public static PublicListFilter none() {
		return NONE;
	}

	public boolean isEmpty() {
		return this.departmentId == null && this.year == null && this.regionCode == null;
	}

	/** 1 January of the year, for period overlaps ({@code null} without a year). */
	public LocalDate yearStart() {
		return (this.year != null) ? LocalDate.of(this.year, 1, 1) : null;
	}

	/** 31 December of the year ({@code null} without a year). */
	public LocalDate yearEnd() {
		return (this.year != null) ? LocalDate.of(this.year, 12, 31) : null;
	}

}
