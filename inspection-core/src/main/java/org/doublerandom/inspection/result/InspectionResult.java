package org.doublerandom.inspection.result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.doublerandom.inspection.shared.DomainException;

/**
 * 检查结果: one department's result for one drawn target of a task. It guards its review workflow
 * (未录入 → 待审核 → 退回 / 不通过 / 已公示) and says why a step is refused; who may take a step is
 * {@link ResultAccess}, decided by the service.
 */
@Entity
@Table(name = "inspection_result")
public class InspectionResult {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long taskId;

	private Long drawId;

	private Long targetId;

	private Long departmentId;

	@Enumerated(EnumType.STRING)
	private ResultState state;

	private LocalDate inspectionDate;

	private String categoryCode;

	private String team;

	private LocalDate deadline;

	private String lateReason;

	private boolean abnormalList;

	private boolean awaitingCorrection;

	private String enteredBy;

	private Instant enteredAt;

	private Instant submittedAt;

	private String reviewedBy;

	private Instant reviewedAt;

	private String reviewOpinion;

	private Instant publishedAt;

	@ElementCollection
	@CollectionTable(name = "inspection_result_item", joinColumns = @JoinColumn(name = "result_id"))
	@OrderBy("position")
	private List<ResultItem> items = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "inspection_result_method", joinColumns = @JoinColumn(name = "result_id"))
	@Column(name = "method")
	@Enumerated(EnumType.STRING)
	private Set<InspectionMethod> methods = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "inspection_result_measure", joinColumns = @JoinColumn(name = "result_id"))
	@Column(name = "measure_code")
	private Set<String> measures = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "inspection_result_step", joinColumns = @JoinColumn(name = "result_id"))
	@OrderBy("seq")
	private List<ResultStep> steps = new ArrayList<>();

	@Version
	private long version;

	protected InspectionResult() {
	}

	/** A fresh 未录入 result with one line per item of the department's sub-task ({@code code → name}, in order). */
	public InspectionResult(Long taskId, Long drawId, Long targetId, Long departmentId, String team,
			Map<String, String> items, String by, Instant at) {
		this.taskId = Objects.requireNonNull(taskId);
		this.drawId = Objects.requireNonNull(drawId);
		this.targetId = Objects.requireNonNull(targetId);
		this.departmentId = Objects.requireNonNull(departmentId);
		this.team = Objects.requireNonNull(team);
		int position = 0;
		for (Map.Entry<String, String> item : items.entrySet()) {
			this.items.add(new ResultItem(position++, item.getKey(), item.getValue()));
		}
		this.state = ResultState.NOT_ENTERED;
		this.enteredBy = Objects.requireNonNull(by);
		this.enteredAt = Objects.requireNonNull(at);
	}

	/** 录入 or correct the record; only while the inspector holds it (未录入, 退回, 不通过). */
	public void record(ResultEntry entry, LocalDate deadline, String by, Instant at) {
		if (!this.state.editable()) {
			throw new DomainException("result.refused.edit", null, this.state);
		}
		ReinspectionPolicy.check(this.state, this.inspectionDate, entry.inspectionDate());
		Map<String, ResultEntry.ItemLine> lines = entry.items()
			.stream()
			.collect(Collectors.toMap(ResultEntry.ItemLine::itemCode, Function.identity(), (a, b) -> {
				throw new DomainException("result.items.duplicate", "items", a.itemCode());
			}));
		Set<String> unknown = new TreeSet<>(lines.keySet());
		this.items.forEach(i -> unknown.remove(i.getItemCode()));
		if (!unknown.isEmpty()) {
			throw new DomainException("result.items.unknown", "items", String.join(", ", unknown));
		}
		List<ResultItem> updated = new ArrayList<>();
		for (ResultItem item : this.items) {
			ResultEntry.ItemLine line = lines.get(item.getItemCode());
			updated.add(item.with((line != null) ? line : new ResultEntry.ItemLine(item.getItemCode(), false, null, null)));
		}
		this.items.clear();
		this.items.addAll(updated);
		this.inspectionDate = entry.inspectionDate();
		this.categoryCode = entry.categoryCode();
		this.methods.clear();
		this.methods.addAll(entry.methods());
		this.measures.clear();
		this.measures.addAll(entry.measureCodes());
		this.abnormalList = entry.abnormalList();
		this.deadline = Objects.requireNonNull(deadline);
		this.awaitingCorrection = false;
		this.enteredBy = Objects.requireNonNull(by);
		this.enteredAt = Objects.requireNonNull(at);
	}

	/** 提交审核: a recorded result goes to the department's reviewer; after the deadline with a reason (补录). */
	public void submit(LocalDate today, String lateReason, String by, Instant at) {
		if (!this.state.editable()) {
			throw new DomainException("result.refused.submit", null, this.state);
		}
		if (this.inspectionDate == null) {
			throw new DomainException("result.refused.notRecorded");
		}
		if (this.awaitingCorrection && this.state == ResultState.REJECTED) {
			throw new DomainException("result.rejected.newInspectionDate", "inspectionDate", this.inspectionDate);
		}
		if (this.awaitingCorrection) {
			throw new DomainException("result.refused.uncorrected");
		}
		this.lateReason = LateEntryPolicy.reason(today, this.deadline, lateReason);
		this.state = ResultState.PENDING_REVIEW;
		this.submittedAt = at;
		step(StepAction.SUBMIT, by, at, this.lateReason);
	}

	/** 退回: back to the inspector to correct, with the reviewer's opinion. */
	public void sendBack(String opinion, String by, Instant at) {
		decide(StepAction.RETURN, ResultState.RETURNED, required(opinion), by, at);
	}

	/** 不通过: the inspection is to be redone; the opinion says why. */
	public void reject(String opinion, String by, Instant at) {
		decide(StepAction.REJECT, ResultState.REJECTED, required(opinion), by, at);
	}

	/** 审核通过 and 公示: the result is public from now on. */
	public void publish(String opinion, String by, Instant at) {
		decide(StepAction.PUBLISH, ResultState.PUBLISHED, optional(opinion), by, at);
		this.publishedAt = at;
	}

	private void decide(StepAction action, ResultState to, String opinion, String by, Instant at) {
		if (this.state != ResultState.PENDING_REVIEW) {
			throw new DomainException("result.refused.review", null, this.state);
		}
		this.state = to;
		this.reviewedBy = by;
		this.reviewedAt = at;
		this.reviewOpinion = opinion;
		this.awaitingCorrection = to != ResultState.PUBLISHED;
		step(action, by, at, opinion);
	}

	private static String required(String opinion) {
		String text = optional(opinion);
		if (text == null) {
			throw new DomainException("result.opinion.required", "opinion");
		}
		return text;
	}

	private static String optional(String opinion) {
		if (opinion == null || opinion.isBlank()) {
			return null;
		}
		if (opinion.strip().length() > 1000) {
			throw new DomainException("result.opinion.tooLong", "opinion", 1000);
		}
		return opinion.strip();
	}

	private void step(StepAction action, String by, Instant at, String opinion) {
		this.steps.add(new ResultStep(this.steps.size() + 1, action, by, at, opinion));
	}

	/** The one who submitted last (the reviewer must be someone else). */
	public String submittedBy() {
		String by = null;
		for (ResultStep s : this.steps) {
			if (s.getAction() == StepAction.SUBMIT) {
				by = s.getActor();
			}
		}
		return by;
	}

	public boolean isOverdue(LocalDate today) {
		return this.state != ResultState.PUBLISHED && this.deadline != null && today.isAfter(this.deadline);
	}

	public Long getId() {
		return this.id;
	}

	public Long getTaskId() {
		return this.taskId;
	}

	public Long getDrawId() {
		return this.drawId;
	}

	public Long getTargetId() {
		return this.targetId;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public ResultState getState() {
		return this.state;
	}

	public LocalDate getInspectionDate() {
		return this.inspectionDate;
	}

	public String getCategoryCode() {
		return this.categoryCode;
	}

	public String getTeam() {
		return this.team;
	}

	public LocalDate getDeadline() {
		return this.deadline;
	}

	public String getLateReason() {
		return this.lateReason;
	}

	public boolean isAbnormalList() {
		return this.abnormalList;
	}

	public String getEnteredBy() {
		return this.enteredBy;
	}

	public Instant getEnteredAt() {
		return this.enteredAt;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public String getReviewedBy() {
		return this.reviewedBy;
	}

	public Instant getReviewedAt() {
		return this.reviewedAt;
	}

	public String getReviewOpinion() {
		return this.reviewOpinion;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public List<ResultItem> getItems() {
		return List.copyOf(this.items);
	}

	public Set<InspectionMethod> getMethods() {
		return this.methods.isEmpty() ? Set.of() : EnumSet.copyOf(this.methods);
	}

	public Set<String> getMeasures() {
		return Set.copyOf(new TreeSet<>(this.measures));
	}

	public List<ResultStep> getSteps() {
		return List.copyOf(this.steps);
	}

}
