package org.doublerandom.inspection.task;

import org.doublerandom.inspection.shared.PublicListFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Port: the public task notices (抽查任务公告) filtered and paged in the database. A task matches a department that
 * leads it or takes part (子任务), a year its schedule overlaps, and a banner/district its entry's target scope
 * covers (no region limit: the whole city).
 */
public interface PublicTaskListing {

	/** Ids of the matching tasks, newest first, with the total. */
	Page<Long> find(PublicListFilter filter, Pageable pageable);

}
