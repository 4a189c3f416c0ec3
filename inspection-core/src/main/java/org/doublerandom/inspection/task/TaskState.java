package org.doublerandom.inspection.task;

/**
 * The task's life, one step at a time. The draw (issue 5) moves it from CREATED to DRAWN, inspector matching
 * to ASSIGNED, and the results work to CLOSED.
 */
public enum TaskState {

	/** 已创建 */
	CREATED,
	/** 名录已锁定: the target pool is frozen for the draw */
	POOL_FROZEN,
	/** 种子已承诺: the draw's seed commitment is published */
	COMMITTED,
	/** 已抽取 */
	DRAWN,
	/** 已匹配检查人员 */
	ASSIGNED,
	/** 已派发 */
	DISPATCHED,
	/** 检查中 */
	IN_PROGRESS,
	/** 待录入结果 */
	RESULTS_DUE,
	/** 已办结 */
	CLOSED;

	public TaskState next() {
		return (this == CLOSED) ? CLOSED : values()[ordinal() + 1];
	}

}
