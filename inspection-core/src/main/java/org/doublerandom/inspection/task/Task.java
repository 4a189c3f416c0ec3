package org.doublerandom.inspection.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.doublerandom.inspection.shared.DomainException;

/**
 * 抽查任务. The aggregate moves one state at a time (CREATED → POOL_FROZEN → COMMITTED → DRAWN → ASSIGNED →
 * DISPATCHED → IN_PROGRESS → RESULTS_DUE → CLOSED) and refuses any other step with the state it is in.
 */
@Entity
@Table(name = "task")
public class Task {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String series;

	private int taskYear;

	private int sequenceNo;

	private Long planId;

	private Long planEntryId;

	private boolean joint;

	private Long leadDepartmentId;

	private String name;

	private String basis;

	private String region;

	private String targets;

	private String content;

	private String methods;

	private String requirements;

	private LocalDate scheduleFrom;

	private LocalDate scheduleTo;

	@Enumerated(EnumType.STRING)
	private TaskState state;

	private Integer targetCount;

	private Instant createdAt;

	private String createdBy;

	private Instant stateChangedAt;

	@ElementCollection
	@CollectionTable(name = "task_department", joinColumns = @JoinColumn(name = "task_id"))
	private Set<SubTask> subTasks = new HashSet<>();

	@Version
	private long version;

	protected Task() {
	}

	Task(TaskCode code, Long planId, Long planEntryId, boolean joint, Long leadDepartmentId, TaskDescription description,
			List<SubTask> subTasks, String createdBy, Instant at) {
		this.code = code.code();
		this.series = code.series();
		this.taskYear = code.year();
		this.sequenceNo = code.sequence();
		this.planId = Objects.requireNonNull(planId);
		this.planEntryId = Objects.requireNonNull(planEntryId);
		this.joint = joint;
		this.leadDepartmentId = Objects.requireNonNull(leadDepartmentId);
		describe(description);
		this.subTasks.addAll(subTasks);
		this.state = TaskState.CREATED;
		this.createdBy = Objects.requireNonNull(createdBy);
		this.createdAt = Objects.requireNonNull(at);
		this.stateChangedAt = at;
	}

	private void describe(TaskDescription d) {
		this.name = d.name();
		this.basis = d.basis();
		this.region = d.region();
		this.targets = d.targets();
		this.content = d.content();
		this.methods = d.methods();
		this.requirements = d.requirements();
		this.scheduleFrom = d.scheduleFrom();
		this.scheduleTo = d.scheduleTo();
	}

	/** 锁定名录: the registry snapshot the draw will use is fixed. */
	public void freezePool(Instant at) {
		step(TaskState.CREATED, at);
	}

	/** The draw's seed commitment is published before the draw. */
	public void commit(Instant at) {
		step(TaskState.POOL_FROZEN, at);
	}

	/** 随机抽取 done: the number of targets drawn is public from now on. */
	public void recordDraw(int drawnTargets, Instant at) {
		if (drawnTargets < 0) {
			throw new DomainException("task.refused.drawCount", null, drawnTargets);
		}
		step(TaskState.COMMITTED, at);
		this.targetCount = drawnTargets;
	}

	/** 随机匹配执法检查人员. */
	public void assign(Instant at) {
		step(TaskState.DRAWN, at);
	}

	/** 派发 to the departments. */
	public void dispatch(Instant at) {
		step(TaskState.ASSIGNED, at);
	}

	public void start(Instant at) {
		step(TaskState.DISPATCHED, at);
	}

	/** The checks are done; the results are to be entered within 20 working days. */
	public void resultsDue(Instant at) {
		step(TaskState.IN_PROGRESS, at);
	}

	public void close(Instant at) {
		step(TaskState.RESULTS_DUE, at);
	}

	/**
	 * 作废: a committed draw was voided (its source is gone for good, or no team could be matched), so the
	 * task goes back to the pre-check for a new commitment; the voided draw stays on record.
	 */
	public void reopenAfterVoid(Instant at) {
		if (this.state != TaskState.COMMITTED && this.state != TaskState.DRAWN) {
			throw new DomainException("task.refused.step", null, this.state, TaskState.CREATED);
		}
		this.state = TaskState.CREATED;
		this.targetCount = null;
		this.stateChangedAt = Objects.requireNonNull(at);
	}

	private void step(TaskState from, Instant at) {
		if (this.state != from) {
			throw new DomainException("task.refused.step", null, this.state, from.next());
		}
		this.state = from.next();
		this.stateChangedAt = Objects.requireNonNull(at);
	}

	public boolean isDrawn() {
		return this.targetCount != null;
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public int getTaskYear() {
		return this.taskYear;
	}

	public int getSequenceNo() {
		return this.sequenceNo;
	}

	public Long getPlanId() {
		return this.planId;
	}

	public Long getPlanEntryId() {
		return this.planEntryId;
	}

	public boolean isJoint() {
		return this.joint;
	}

	public Long getLeadDepartmentId() {
		return this.leadDepartmentId;
	}

	public String getName() {
		return this.name;
	}

	public String getBasis() {
		return this.basis;
	}

	public String getRegion() {
		return this.region;
	}

	public String getTargets() {
		return this.targets;
	}

	public String getContent() {
		return this.content;
	}

	public String getMethods() {
		return this.methods;
	}

	public String getRequirements() {
		return this.requirements;
	}

	public LocalDate getScheduleFrom() {
		return this.scheduleFrom;
	}

	public LocalDate getScheduleTo() {
		return this.scheduleTo;
	}

	public TaskState getState() {
		return this.state;
	}

	public Integer getTargetCount() {
		return this.targetCount;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getStateChangedAt() {
		return this.stateChangedAt;
	}

	/** The lead department first. */
	public List<SubTask> getSubTasks() {
		List<SubTask> list = new ArrayList<>(this.subTasks);
		list.sort(Comparator.comparing((SubTask s) -> !s.isLead()).thenComparing(SubTask::getDepartmentId));
		return list;
	}

}
