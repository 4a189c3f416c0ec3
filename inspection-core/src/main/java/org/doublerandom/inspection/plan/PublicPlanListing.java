package org.doublerandom.inspection.plan;

import org.doublerandom.inspection.shared.PublicListFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Port: the public plan notices (抽查计划公告) filtered and paged in the database. A plan version matches a
 * department if it owns the plan or leads or takes part in one of its entries, a year by its plan year, and a
 * banner/district if one of its entries' target scope covers it (an entry without a region limit covers the
 * whole city, so every banner/district).
 */
public interface PublicPlanListing {

	/** Ids of the matching published (or since amended or closed) versions, newest first, with the total. */
	Page<Long> find(PublicListFilter filter, Pageable pageable);

}
