package org.doublerandom.inspection.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 考核: what one department's plans required in a period and what it did: plan entries and their tasks, draws
 * voided or amended and why, the timeliness of its results against the 20-working-day rule, and its follow-ups.
 */
public record Assessment(long departmentId, String departmentCode, String departmentName, AssessmentPeriod period,
		Instant generatedAt, List<EntryLine> entries, List<CorrectionLine> corrections, Timeliness timeliness,
		FollowUpCounts followUps) {

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

	/**
	 * 按时公示 (检查之日起20个工作日内): the department's results inspected in the period that have a deadline,
	 * published on or before it, published after it, not published and past it (逾期未公示), and not published
	 * but still in time.
	 */
	public record Timeliness(long onTime, long late, long overdue, long notYetDue) {
	}

	/** 后续处置 opened in the period on the department's results, still open and closed. */
	public record FollowUpCounts(long open, long closed) {
	}

	public long publishedOnTime() {
		return this.timeliness.onTime();
	}

	public long publishedLate() {
		return this.timeliness.late();
	}

	public long resultsOverdue() {
		return this.timeliness.overdue();
	}

	public long resultsNotYetDue() {
		return this.timeliness.notYetDue();
	}

	public long followUpsOpen() {
		return this.followUps.open();
	}

	public long followUpsClosed() {
		return this.followUps.closed();
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
