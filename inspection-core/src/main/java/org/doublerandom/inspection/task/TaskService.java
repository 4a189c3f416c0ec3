package org.doublerandom.inspection.task;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.plan.EntryItem;
import org.doublerandom.inspection.plan.Plan;
import org.doublerandom.inspection.plan.PlanAccess;
import org.doublerandom.inspection.plan.PlanEntry;
import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.plan.PlanType;
import org.doublerandom.inspection.plan.Plans;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抽查任务: created from an entry of a published plan (one task per entry: the plan fixes how often targets
 * are checked), read in the department's scope (lead or taking part; the bureau reads all), and shown
 * publicly as task notices.
 */
@Service
@Transactional(readOnly = true)
public class TaskService {

	private final Tasks tasks;

	private final Plans plans;

	private final Departments departments;

	private final TaskCodeFormat codes;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	private final PublicTaskListing publicListing;

	public TaskService(Tasks tasks, Plans plans, Departments departments, TaskCodeFormat codes, CurrentActor actor,
			AuditTrail audit, Clock clock, PublicTaskListing publicListing) {
		this.publicListing = publicListing;
		this.tasks = tasks;
		this.plans = plans;
		this.departments = departments;
		this.codes = codes;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	public Page<Task> search(int page, int size) {
		Actor me = business("task.read");
		PageRequest request = PageRequest.of(Math.max(page, 0), size);
		Page<Task> result = me.has(Role.BUREAU) ? this.tasks.findAllByOrderByTaskYearDescSequenceNoDesc(request)
				: this.tasks.findReadable(me.departmentId(), request);
		result.forEach(t -> t.getSubTasks().size());
		return result;
	}

	public Task task(Long id) {
		Actor me = business("task.read");
		Task task = (me.has(Role.BUREAU) ? this.tasks.findById(id) : this.tasks.findReadable(id, me.departmentId()))
			.orElseThrow(() -> new NotFoundException("task", id));
		task.getSubTasks().size();
		return task;
	}

	/**
	 * Task notices (任务公告): every task comes from a published plan and is public from its creation. Filtered and
	 * paged in the database (the filter's meaning is on {@link PublicTaskListing}).
	 */
	public Page<Task> publicTasks(org.doublerandom.inspection.shared.PublicListFilter filter, int page, int size) {
		Page<Long> ids = this.publicListing.find(filter, PageRequest.of(Math.max(page, 0), size));
		java.util.Map<Long, Task> byId = this.tasks.findByIdIn(ids.getContent())
			.stream()
			.collect(java.util.stream.Collectors.toMap(Task::getId, t -> t));
		return ids.map(byId::get).map(t -> {
			t.getSubTasks().size();
			return t;
		});
	}

	public Task publicTask(Long id) {
		Task task = this.tasks.findById(id).orElseThrow(() -> new NotFoundException("task", id));
		task.getSubTasks().size();
		return task;
	}

	/** The entry a task came from, with its plan: both are public (a task comes from a published plan). */
	public PlanEntry entryOf(Task task) {
		PlanEntry entry = this.plans.findEntryById(task.getPlanEntryId())
			.orElseThrow(() -> new NotFoundException("planEntry", task.getPlanEntryId()));
		entry.getItems().size();
		entry.getDepartments().size();
		entry.getSampling().size();
		return entry;
	}

	public java.util.Optional<Task> taskOfEntry(Long entryId) {
		return this.tasks.findByPlanEntryId(entryId);
	}

	/** The entry a task would be created from, if the actor may create it now; refuses with the reason. */
	public PlanEntry entryForTask(Long entryId) {
		Actor me = business("task.create");
		PlanEntry entry = this.plans.findEntryById(entryId).orElseThrow(() -> new NotFoundException("planEntry", entryId));
		Plan plan = entry.getPlan();
		if (!PlanAccess.canRead(me, plan)) {
			throw new NotFoundException("planEntry", entryId);
		}
		if (!PlanAccess.canCreateTask(me, plan, entry)) {
			throw new NotPermittedException("task.create");
		}
		plan.requireExecutable();
		if (entry.getMergedIntoId() != null) {
			throw new DomainException("task.refused.entryMerged", null, entry.getName());
		}
		if (this.tasks.existsByPlanEntryId(entryId)) {
			throw new DomainException("task.refused.entryHasTask", null, entry.getName());
		}
		entry.getItems().size();
		entry.getDepartments().size();
		return entry;
	}

	public Long planIdOfEntry(Long entryId) {
		return this.plans.findEntryById(entryId).map(e -> e.getPlan().getId())
			.orElseThrow(() -> new NotFoundException("planEntry", entryId));
	}

	public boolean mayCreate(Plan plan, PlanEntry entry) {
		Actor me = this.actor.get();
		return plan.getState() == org.doublerandom.inspection.plan.PlanState.PUBLISHED && entry.getMergedIntoId() == null
				&& PlanAccess.canCreateTask(me, plan, entry) && !this.tasks.existsByPlanEntryId(entry.getId());
	}

	@Transactional
	public Task create(Long entryId, TaskDescription description) {
		PlanEntry entry = entryForTask(entryId);
		if (description.scheduleFrom().isBefore(entry.getPeriodFrom())
				|| description.scheduleTo().isAfter(entry.getPeriodTo())) {
			throw new DomainException("task.refused.scheduleOutsidePeriod", "scheduleFrom", entry.getPeriodFrom(),
					entry.getPeriodTo());
		}
		return createTask(entry, description, this.actor.get().username());
	}

	/** Demo data: a task ready to draw, as the system. */
	@Transactional
	public Task provision(Long entryId, TaskDescription description) {
		this.actor.get().requireSystem("task.provision");
		PlanEntry entry = this.plans.findEntryById(entryId).orElseThrow(() -> new NotFoundException("planEntry", entryId));
		entry.getPlan().requireExecutable();
		return this.tasks.findByPlanEntryId(entryId).orElseGet(() -> createTask(entry, description, Actor.SYSTEM));
	}

	private Task createTask(PlanEntry entry, TaskDescription description, String username) {
		Plan plan = entry.getPlan();
		boolean joint = plan.getType() == PlanType.JOINT || entry.isJointEntry();
		Department issuer = (plan.getType() == PlanType.JOINT) ? department(PlanService.JOINT_OWNER_CODE)
				: this.departments.findById(entry.getLeadDepartmentId())
					.orElseThrow(() -> new NotFoundException("department", entry.getLeadDepartmentId()));
		int year = description.scheduleFrom().getYear();
		String series = this.codes.series(issuer.getCode(), issuer.getShortName(), joint, year);
		long used = this.tasks.countBySeriesAndTaskYear(series, year);
		TaskCode code = this.codes.code(series, year, (int) used + 1);
		List<SubTask> subTasks = entry.getDepartments()
			.stream()
			.map(d -> new SubTask(d.getDepartmentId(), d.getDepartmentId().equals(entry.getLeadDepartmentId()),
					d.getOfficersPerTarget(), entry.itemsOf(d.getDepartmentId())
						.stream()
						.map(i -> i.getItemCode() + " " + i.getItemName())
						.collect(Collectors.joining("\n"))))
			.toList();
		Task task = this.tasks.save(new Task(code, plan.getId(), entry.getId(), joint, entry.getLeadDepartmentId(),
				description, subTasks, username, this.clock.instant()));
		this.tasks.flush();
		this.audit.success("task.create", "task", task.getId(), task.getCode() + " " + task.getName() + " from "
				+ plan.getCode() + " v" + plan.getVersionNo() + " entry " + entry.getId() + ", "
				+ subTasks.size() + " departments, items " + entry.getItems().stream().map(EntryItem::getItemCode).toList());
		return task;
	}

	private Department department(String code) {
		return this.departments.findByCode(code).orElseThrow(() -> new NotFoundException("department", code));
	}

	/** Tasks are business data: the administrators of 三员分立 see none of them. */
	private Actor business(String operation) {
		Actor me = this.actor.get();
		me.require(operation, Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		return me;
	}

}
