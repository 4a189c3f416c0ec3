package org.doublerandom.inspection.result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: the published results as open data (开放数据) — one flat line per result and one per item line, for
 * the downloads (streamed, never held in memory) and the API (paged). Only published results and only what
 * the notices show: no inspector, reviewer, opinion, finding or handling text; a natural person's name is
 * masked and their code left out, as on the notice.
 */
public interface OpenResults {

	/** A published result as the notice shows it, with where it was published. */
	record Line(long resultId, long taskId, String taskCode, String taskName, String planCode, String planName,
			boolean directed, long departmentId, String department, String entityName, String creditCode,
			LocalDate completedOn, String categoryCode, LocalDate publishedOn) {
	}

	/** An item line of a published result: checked or not, and whether a problem was found (not what it was). */
	record ItemLine(long resultId, int position, String itemCode, String itemName, ItemOutcome outcome) {
	}

	/**
	 * What identifies the published set: published results are never changed or withdrawn, so their count, the
	 * last publication and the highest id change whenever the downloads would.
	 */
	record Version(long count, Instant lastPublished, long lastId) {
	}

	/** The API's filters, each optional: the inspecting department, the year of publication (Beijing), the task. */
	record Filter(Long departmentId, Integer year, Long taskId) {
	}

	Version version();

	/** Every published result in the order of its id, read through a database cursor. */
	void each(Consumer<Line> sink);

	/** Every item line of every published result, by result id and position, through a cursor. */
	void eachItem(Consumer<ItemLine> sink);

	/** Newest publication first. */
	List<Line> page(Filter filter, int offset, int limit);

	Optional<Line> one(long resultId);

	List<ItemLine> items(long resultId);

}
