package org.doublerandom.inspection.result;

import org.doublerandom.inspection.shared.PublicListFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Port: the result notices (抽查结果公示, one per task and inspecting department) filtered and paged in the
 * database. A notice matches the department that inspected (检查实施机关); it matches a year or a banner/district
 * if any of its published rows does: published (Beijing calendar) in that year, a target registered in that
 * banner/district. Only published results count, and the notice's figures stay those of all its rows.
 */
public interface PublicNoticeListing {

	/** The matching notices, latest publication first. */
	Page<PublishedResults.Notice> find(PublicListFilter filter, Pageable pageable);

}
