package org.doublerandom.inspection.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 考核: what one department's plans required in a period and what it did. Timeliness (the 20-working-day
 * rule) and follow-ups join when the results feature records them.
 */
public record Assessment(long departmentId, String departmentCode, String departmentName, AssessmentPeriod period,
		Instant generatedAt, List<EntryLine> entries, List<CorrectionLine> corrections) {

	public Assessment {
		entries = List.copyOf(entries);
		corrections = List.copyOf(corrections);
	}

	/**
	 * One plan entry the department leads or takes part in whose period overlaps the assessment's, with its task
	 * (null fields while there is none).
	 */
	public record EntryLine(String planCode, String planName, String entryName, String leadDepartment, boolean lead,
			LocalDate periodFrom, LocalDate periodTo, String taskCode, String taskState, Integer targetsDrawn,
			long drawsVoided, long amendments) {

		public boolean hasTask() {
			return this.taskCode != null;
		}

		public boolean isDrawn() {
			return this.targetsDrawn != null;
		}

		public boolean isDispatched() {
			return this.taskState != null
					&& List.of("DISPATCHED", "IN_PROGRESS", "RESULTS_DUE", "CLOSED").contains(this.taskState);
		}

	}

	/** A void or an amendment in the period, with its reason, who asked and who approved (双人复核). */
	public record CorrectionLine(String taskCode, String kind, LocalDate date, String reason, String requestedBy,
			String approver) {
	}

	public long planned() {
		return this.entries.size();
	}

	public long tasksCreated() {
		return this.entries.stream().filter(EntryLine::hasTask).count();
	}

	public long tasksDrawn() {
		return this.entries.stream().filter(EntryLine::isDrawn).count();
	}

	public long tasksDispatched() {
		return this.entries.stream().filter(EntryLine::isDispatched).count();
	}

	public long targetsDrawn() {
		return this.entries.stream().mapToLong(e -> (e.targetsDrawn() != null) ? e.targetsDrawn() : 0).sum();
	}

	public long drawsVoided() {
		return this.corrections.stream().filter(c -> "void".equals(c.kind())).count();
	}

	public long amendments() {
		return this.corrections.size() - drawsVoided();
	}

}
