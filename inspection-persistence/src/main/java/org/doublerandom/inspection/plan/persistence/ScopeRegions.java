package org.doublerandom.inspection.plan.persistence;

/**
 * An entry's target scope and a banner/district (旗区), as SQL: the public listings' region filter on plans and,
 * through a task's entry, on tasks and draws.
 */
public final class ScopeRegions {

	private ScopeRegions() {
	}

	/**
	 * The entry aliased {@code alias} covers {@code :region}: it has no region limit (the whole city, so every
	 * banner/district) or the region is among its comma-separated codes.
	 */
	public static String covers(String alias) {
		return "(" + alias + ".scope_regions = '' or position(',' || :region || ',' in ',' || " + alias
				+ ".scope_regions || ',') > 0)";
	}

}
