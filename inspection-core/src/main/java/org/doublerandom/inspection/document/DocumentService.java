package org.doublerandom.inspection.document;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.draw.CanonicalJson;
import org.doublerandom.inspection.draw.DrawStore;
import org.doublerandom.inspection.draw.RosterRow;
import org.doublerandom.inspection.inspector.InspectorKind;
import org.doublerandom.inspection.item.InspectionItem;
import org.doublerandom.inspection.item.ItemList;
import org.doublerandom.inspection.item.ItemListStatus;
import org.doublerandom.inspection.item.ItemLists;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.plan.EntryItem;
import org.doublerandom.inspection.plan.PlanEntry;
import org.doublerandom.inspection.plan.Plans;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.target.Target;
import org.doublerandom.inspection.target.Targets;
import org.doublerandom.inspection.task.SubTask;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskState;
import org.doublerandom.inspection.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 检查文书 of a task whose draw has teams: the data the notice, the check sheet and the record show. Only the
 * officers and managers of a participating department (lead or taking part) and the bureau may read them;
 * anyone else is refused (403), even when the task itself is public. Every download is an export and is
 * audited.
 */
@Service
@Transactional(readOnly = true)
public class DocumentService {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final Tasks tasks;

	private final Plans plans;

	private final DrawStore draws;

	private final Departments departments;

	private final ItemLists itemLists;

	private final Targets targets;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	public DocumentService(Tasks tasks, Plans plans, DrawStore draws, Departments departments, ItemLists itemLists,
			Targets targets, CurrentActor actor, AuditTrail audit, Clock clock) {
		this.tasks = tasks;
		this.plans = plans;
		this.draws = draws;
		this.departments = departments;
		this.itemLists = itemLists;
		this.targets = targets;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	/** The documents' data for reading on screen (the preview and the list of documents). */
	public TaskDocuments documents(long taskId) {
		return assemble(participant(taskId));
	}

	/** The same data for a download, recorded in the audit trail as an export of that document. */
	@Transactional
	public TaskDocuments export(long taskId, DocumentKind kind) {
		Actor me = this.actor.get();
		TaskDocuments documents = assemble(participant(taskId));
		this.audit.record(me, "document.export", "task", taskId, AuditOutcome.SUCCESS,
				kind.slug() + " " + documents.taskCode() + ", " + documents.visits().size() + " targets");
		return documents;
	}

	/** Whether the actor may read the task's documents: a participating department or the bureau. */
	public boolean mayRead(Task task) {
		Actor me = this.actor.get();
		return me.has(Role.BUREAU) || (me.hasAny(Role.OFFICER, Role.DEPT_MANAGER) && participants(task).contains(me.departmentId()));
	}

	/** Whether the task's draw has teams, so that there is something to put into the documents. */
	public boolean hasTeams(Task task) {
		return task.getState().ordinal() >= TaskState.DRAWN.ordinal() && teamsResult(task.getId()).isPresent();
	}

	private Task participant(long taskId) {
		Actor me = this.actor.get();
		me.require("document.read", Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		Task task = this.tasks.findById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
		if (!mayRead(task)) {
			// the data scope: another department's inspection documents name its targets and its people
			throw new NotPermittedException("document.read");
		}
		task.getSubTasks().size();
		return task;
	}

	private static Set<Long> participants(Task task) {
		Set<Long> ids = new HashSet<>();
		ids.add(task.getLeadDepartmentId());
		task.getSubTasks().forEach(s -> ids.add(s.getDepartmentId()));
		return ids;
	}

	private Optional<Draw> teamsResult(long taskId) {
		return this.draws.live(taskId)
			.filter(d -> !d.isVoided())
			.flatMap(d -> this.draws.result(d.id()).filter(r -> "ASSIGNED".equals(r.status())).map(r -> new Draw(d, r)));
	}

	private record Draw(DrawStore.Stored stored, DrawStore.StoredResult result) {
	}

	private TaskDocuments assemble(Task task) {
		if (task.getState().ordinal() < TaskState.DRAWN.ordinal()) {
			throw new DomainException("document.refused.notDrawn", null, task.getCode());
		}
		Draw draw = teamsResult(task.getId())
			.orElseThrow(() -> new DomainException("document.refused.noTeams", null, task.getCode()));
		PlanEntry entry = this.plans.findEntryById(task.getPlanEntryId())
			.orElseThrow(() -> new NotFoundException("planEntry", task.getPlanEntryId()));

		List<SubTask> parts = new ArrayList<>(task.getSubTasks());
		Map<Long, Department> byId = new HashMap<>();
		for (SubTask s : parts) {
			byId.put(s.getDepartmentId(), this.departments.findById(s.getDepartmentId())
				.orElseThrow(() -> new NotFoundException("department", s.getDepartmentId())));
		}
		parts.sort(Comparator.comparing((SubTask s) -> !s.isLead()).thenComparing(s -> byId.get(s.getDepartmentId()).getCode()));
		List<TaskDocuments.DepartmentPart> departmentParts = new ArrayList<>();
		for (SubTask s : parts) {
			Department d = byId.get(s.getDepartmentId());
			List<TaskDocuments.ItemSheet> items = entry.itemsOf(s.getDepartmentId()).stream().map(i -> sheet(d, i)).toList();
			departmentParts.add(new TaskDocuments.DepartmentPart(d.getCode(), d.getName(), s.isLead(), items));
		}
		Department lead = this.departments.findById(task.getLeadDepartmentId())
			.orElseThrow(() -> new NotFoundException("department", task.getLeadDepartmentId()));

		List<TaskDocuments.Visit> visits = visits(draw);
		boolean dispatched = task.getState().ordinal() >= TaskState.DISPATCHED.ordinal();
		return new TaskDocuments(task.getId(), task.getCode(), task.getName(), task.getBasis(), task.getMethods(),
				task.getRequirements(), task.getScheduleFrom(), task.getScheduleTo(), task.isJoint(), lead.getName(),
				departmentParts, visits, dispatched, LocalDate.now(this.clock.withZone(BEIJING)));
	}

	/** The item as the published list holds it now (checkpoints, basis, methods); the entry's name is kept. */
	private TaskDocuments.ItemSheet sheet(Department department, EntryItem item) {
		Optional<InspectionItem> listed = publishedLists(item).stream()
			.flatMap(l -> l.getItems().stream())
			.filter(i -> i.getCode().equals(item.getItemCode()))
			.findFirst();
		return listed
			.map(i -> new TaskDocuments.ItemSheet(department.getName(), item.getItemCode(), item.getItemName(), i.getLegalBasis(),
					i.getMethods().stream().map(Enum::name).toList(), i.getCheckpoints(), true))
			.orElseGet(() -> new TaskDocuments.ItemSheet(department.getName(), item.getItemCode(), item.getItemName(), null,
					List.of(), List.of(), false));
	}

	private List<ItemList> publishedLists(EntryItem item) {
		if (item.isJoint()) {
			return this.itemLists.findByStatus(ItemListStatus.PUBLISHED).stream().filter(ItemList::isJoint).toList();
		}
		return this.itemLists.findByDepartmentIdAndJointAndStatus(item.getDepartmentId(), false, ItemListStatus.PUBLISHED)
			.map(List::of)
			.orElse(List.of());
	}

	@SuppressWarnings("unchecked")
	private List<TaskDocuments.Visit> visits(Draw draw) {
		long drawId = draw.stored().id();
		Map<String, Object> json = (Map<String, Object>) CanonicalJson.parse(draw.result().resultJson());
		List<String> selected = new ArrayList<>();
		for (Object s : (List<Object>) json.get("strata")) {
			for (Object x : (List<Object>) ((Map<String, Object>) s).get("selected")) {
				selected.add((String) ((Map<String, Object>) x).get("id"));
			}
		}
		Map<String, Object> assignment = (Map<String, Object>) json.get("assignment");
		List<CurrentTeams.Slot> slots = ((List<Object>) assignment.get("slots")).stream()
			.map(o -> slot((Map<String, Object>) o))
			.toList();
		List<CurrentTeams.Change> changes = new ArrayList<>();
		for (DrawStore.StoredAmendment a : this.draws.amendments(drawId)) {
			Map<String, Object> m = (Map<String, Object>) CanonicalJson.parse(a.amendmentJson().getBytes(StandardCharsets.UTF_8));
			List<CurrentTeams.Slot> team = ((List<Object>) m.getOrDefault("team", List.of())).stream()
				.map(o -> slot((Map<String, Object>) o))
				.toList();
			changes.add(new CurrentTeams.Change(a.type(), a.targetId(), a.replacement(), (String) m.get("department"),
					m.containsKey("slot") ? ((Number) m.get("slot")).longValue() : -1, team));
		}
		Map<String, List<CurrentTeams.Slot>> teams = CurrentTeams.apply(selected, slots, changes);

		Map<String, DrawStore.Name> people = this.draws.inspectorNames(drawId);
		Map<String, InspectorKind> kinds = new HashMap<>();
		for (RosterRow r : this.draws.roster(drawId)) {
			kinds.put(r.inspectorId(), r.kind());
		}
		Map<String, DrawStore.Name> names = this.draws.targetNames(drawId, new TreeSet<>(teams.keySet()));
		List<TaskDocuments.Visit> visits = new ArrayList<>();
		int number = 0;
		for (Map.Entry<String, List<CurrentTeams.Slot>> e : teams.entrySet()) {
			String id = e.getKey();
			Optional<Target> target = registryTarget(id);
			String name = target.map(Target::getName).orElseGet(() -> names.containsKey(id) ? names.get(id).name() : id);
			List<TaskDocuments.Member> team = e.getValue().stream().map(s -> {
				DrawStore.Name person = people.get(s.inspector());
				return new TaskDocuments.Member(s.inspector(), person != null ? person.name() : s.inspector(),
						person != null ? person.department() : s.department(), kinds.get(s.inspector()) == InspectorKind.EXPERT);
			}).toList();
			visits.add(new TaskDocuments.Visit(++number, id, name, target.map(Target::getCode).orElse(id),
					target.map(Target::getAddress).orElse(null), team));
		}
		return visits;
	}

	private static CurrentTeams.Slot slot(Map<String, Object> m) {
		return new CurrentTeams.Slot((String) m.get("target"), (String) m.get("department"), ((Number) m.get("slot")).longValue(),
				(String) m.get("inspector"));
	}

	/** The registry entry of a draw's target id: its code, or {@code T-<registry id>} for an entry without one. */
	private Optional<Target> registryTarget(String targetId) {
		if (targetId.startsWith("T-")) {
			try {
				return this.targets.findById(Long.parseLong(targetId.substring(2)));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}
		return this.targets.findByCode(targetId);
	}

}
