package org.doublerandom.inspection.result;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: what the public sees (结果公示): per task and department a notice of its published results, and the
 * published results of one target. Nothing personal: no inspector names, no reviewer, no opinion.
 */
public interface PublishedResults {

	/** 抽查结果公示: a task's published results of one department. */
	record Notice(long taskId, long departmentId, String planCode, String planName, String taskCode, String taskName,
			boolean directed, String authority, long count, LocalDate lastPublished) {
	}

	/** A row of the notice: 序号 is its position. */
	record Row(long resultId, int position, String entityName, String creditCode, LocalDate completedOn,
			String categoryCode) {
	}

	/**
	 * A published result as its public detail shows it beyond its row: the notice it belongs to, its result and its
	 * item lines.
	 */
	record Detail(long taskId, long departmentId, String categoryCode, List<Item> items) {
	}

	/** An item line of a published result: checked or not, a problem found or not (what was found is not public). */
	record Item(String name, boolean checked, boolean problemFound) {
	}

	/** One target's published result, for its entity page. */
	record TargetResult(long resultId, String taskCode, String taskName, boolean directed, String authority,
			LocalDate inspectionDate, String categoryCode, LocalDate publishedOn) {
	}

	List<Notice> notices(int limit);

	Optional<Notice> notice(long taskId, long departmentId);

	/** The notices of one task, one per department that published. */
	List<Notice> noticesOfTask(long taskId);

	/** Every row of a notice (the demo data reads them; pages read {@link #rows(long, long, int, int)}). */
	default List<Row> rows(long taskId, long departmentId) {
		return rows(taskId, departmentId, 0, Integer.MAX_VALUE);
	}

	/**
	 * A page of a notice's rows in the order of 序号: publication time, then id, so that a row keeps its number
	 * while later results are published after it.
	 */
	List<Row> rows(long taskId, long departmentId, int offset, int limit);

	/** One published result's row in its notice, with its 序号; empty unless published. */
	Optional<Row> row(long resultId);

	/** A published result's detail, its item lines in their order; empty unless published. */
	Optional<Detail> detail(long resultId);

	List<TargetResult> forTarget(long targetId);

	/** 更新最近检查日期: the target's last inspection per item, so the next pre-check sees it. */
	void recordLastInspection(long targetId, long departmentId, List<String> itemCodes, LocalDate on);

}
