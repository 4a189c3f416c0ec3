package org.doublerandom.inspection.plan;

import java.util.Set;

/**
 * Life of one plan version. AMENDED is a published version replaced by a later one; it stays visible.
 * Only a PUBLISHED plan may be executed.
 */
public enum PlanState {

	/** 草稿 */
	DRAFT,
	/** 已提交 (awaiting approval) */
	SUBMITTED,
	/** 已审批 */
	APPROVED,
	/** 已公示 */
	PUBLISHED,
	/** 已调整 (superseded by an amendment) */
	AMENDED,
	/** 已结束 */
	CLOSED;

	/** States the public may read: the notice stays public after an amendment or the end of the year. */
	public static final Set<PlanState> PUBLIC = Set.of(PUBLISHED, AMENDED, CLOSED);

	public boolean isPublic() {
		return PUBLIC.contains(this);
	}

}
