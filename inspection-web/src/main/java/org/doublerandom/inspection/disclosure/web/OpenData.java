package org.doublerandom.inspection.disclosure.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doublerandom.inspection.disclosure.DisclosureService;
import org.doublerandom.inspection.disclosure.PublicDrawRow;
import org.doublerandom.inspection.disclosure.PublicItem;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.plan.Plan;
import org.doublerandom.inspection.plan.PlanEntry;
import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.shared.PublicListFilter;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskService;
import org.doublerandom.inspection.web.support.PublicFilterBar;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * 开放数据: the published records as flat rows, one dataset per kind, shared by the CSV and JSON downloads and
 * the list endpoints of the API so that all three say the same. Column keys are the JSON field names; the
 * CSV header is their label in the visitor's language. Only public fields: no staff account appears.
 */
@Component
class OpenData {

	/** The datasets, in the order the open-data page lists them. */
	static final List<String> DATASETS = List.of("items", "plans", "tasks", "draws");

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	record Dataset(String name, List<String> columns, List<Map<String, Object>> rows) {
	}

	private final DisclosureService disclosure;

	private final PlanService plans;

	private final TaskService tasks;

	private final OrganizationService organization;

	private final MessageSource messages;

	OpenData(DisclosureService disclosure, PlanService plans, TaskService tasks, OrganizationService organization,
			MessageSource messages) {
		this.disclosure = disclosure;
		this.plans = plans;
		this.tasks = tasks;
		this.organization = organization;
		this.messages = messages;
	}

	Dataset dataset(String name) {
		return switch (name) {
			case "items" -> items(null);
			case "plans" -> plans();
			case "tasks" -> tasks();
			case "draws" -> draws();
			default -> throw new org.doublerandom.inspection.shared.NotFoundException("dataset", name);
		};
	}

	Dataset items(Long departmentId) {
		Map<Long, Department> departments = departments();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (PublicItem i : this.disclosure.items(departmentId)) {
			Map<String, Object> row = new LinkedHashMap<>();
			Department d = departments.get(i.departmentId());
			row.put("department", (d != null) ? d.getName() : null);
			row.put("departmentCode", (d != null) ? d.getCode() : null);
			row.put("jointList", i.joint());
			row.put("listVersion", i.listVersion());
			row.put("publishedAt", i.publishedAt());
			row.put("code", i.code());
			row.put("name", i.name());
			row.put("subItems", i.subItems());
			row.put("category", i.category());
			row.put("targetKinds", i.targetKinds());
			row.put("methods", i.methods());
			row.put("legalBasis", i.legalBasis());
			row.put("inspectingDepartment", i.inspectingDepartment());
			row.put("samplingRatio", i.samplingRatio());
			row.put("frequency", i.frequency());
			rows.add(row);
		}
		return new Dataset("items", columns(rows, "department", "departmentCode", "jointList", "listVersion",
				"publishedAt", "code", "name", "subItems", "category", "targetKinds", "methods", "legalBasis",
				"inspectingDepartment", "samplingRatio", "frequency"), rows);
	}

	/** One row per entry of every published (or since amended or closed) plan version. */
	Dataset plans() {
		return plans(PublicListFilter.none(), null);
	}

	/** The plans matching the public listings' filter: one page (20 versions) or, without a page, all. */
	Dataset plans(PublicListFilter filter, Integer page) {
		Map<Long, Department> departments = departments();
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Plan> plans = (page != null)
				? this.plans.publicPlans(filter, page, PublicFilterBar.PAGE_SIZE).getContent() : allPlans(filter);
		for (Plan p : plans) {
			for (PlanEntry e : p.getEntries()) {
				Map<String, Object> row = planFields(p, departments);
				row.putAll(entryFields(e, departments));
				rows.add(row);
			}
		}
		return new Dataset("plans", List.of("planId", "planCode", "planName", "planYear", "planType", "planVersion",
				"planState", "planOwner", "publishedAt", "amendmentReason", "entry", "selection", "level", "periodFrom",
				"periodTo", "leadDepartment", "departments"), rows);
	}

	Dataset tasks() {
		return tasks(PublicListFilter.none(), null);
	}

	/** The tasks matching the public listings' filter: one page (20) or, without a page, all. */
	Dataset tasks(PublicListFilter filter, Integer page) {
		Map<Long, Department> departments = departments();
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Task> tasks = (page != null)
				? this.tasks.publicTasks(filter, page, PublicFilterBar.PAGE_SIZE).getContent() : allTasks(filter);
		for (Task t : tasks) {
			rows.add(taskFields(t, departments));
		}
		return new Dataset("tasks", List.of("taskId", "code", "name", "year", "joint", "leadDepartment", "departments",
				"basis", "region", "targets", "content", "methods", "requirements", "scheduleFrom", "scheduleTo", "state",
				"targetCount"), rows);
	}

	Dataset draws() {
		return draws(this.disclosure.draws());
	}

	/** The draws whose task matches the public listings' filter: one page (20) or, without a page, all. */
	Dataset draws(PublicListFilter filter, Integer page) {
		return draws(this.disclosure.draws(filter, page, PublicFilterBar.PAGE_SIZE));
	}

	private Dataset draws(List<PublicDrawRow> draws) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (PublicDrawRow d : draws) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("drawId", d.drawId());
			row.put("taskId", d.taskId());
			row.put("taskCode", d.taskCode());
			row.put("taskName", d.taskName());
			row.put("committedAt", d.committedAt());
			row.put("planHash", d.planHash());
			row.put("drandRound", d.drandRound());
			row.put("drawnAt", d.drawnAt());
			row.put("seed", d.seed());
			row.put("digest", d.digest());
			row.put("selectedCount", d.selectedCount());
			row.put("voidedAt", d.voidedAt());
			row.put("voidReason", d.voidReason());
			row.put("demo", d.demo());
			row.put("page", "/public/draws/" + d.drawId());
			row.put("evidence", (d.drawnAt() != null) ? "/public/draws/" + d.drawId() + "/evidence" : null);
			rows.add(row);
		}
		return new Dataset("draws", List.of("drawId", "taskId", "taskCode", "taskName", "committedAt", "planHash",
				"drandRound", "drawnAt", "seed", "digest", "selectedCount", "voidedAt", "voidReason", "demo", "page",
				"evidence"), rows);
	}

	/** A plan with its entries nested, for the API's detail endpoint. */
	Map<String, Object> plan(Plan p) {
		Map<Long, Department> departments = departments();
		Map<String, Object> plan = planFields(p, departments);
		plan.put("entries", p.getEntries().stream().map(e -> entryFields(e, departments)).toList());
		return plan;
	}

	Map<String, Object> task(Task t) {
		return taskFields(t, departments());
	}

	/** A CSV cell: labels for enums and booleans, Beijing time for instants, lists joined with 、. */
	String cell(Object value, Locale locale) {
		if (value == null) {
			return "";
		}
		if (value instanceof Enum<?> e) {
			return this.messages.getMessage("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name(), null,
					e.name(), locale);
		}
		if (value instanceof Boolean b) {
			return this.messages.getMessage(b ? "disclosure.yes" : "disclosure.no", null, locale);
		}
		if (value instanceof Instant i) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atZone(ZONE).toOffsetDateTime());
		}
		if (value instanceof Collection<?> c) {
			return c.stream().map(v -> cell(v, locale)).collect(Collectors.joining("、"));
		}
		return value.toString();
	}

	String label(String column, Locale locale) {
		return this.messages.getMessage("disclosure.column." + column, null, column, locale);
	}

	private Map<String, Object> planFields(Plan p, Map<Long, Department> departments) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("planId", p.getId());
		row.put("planCode", p.getCode());
		row.put("planName", p.getName());
		row.put("planYear", p.getYear());
		row.put("planType", p.getType());
		row.put("planVersion", p.getVersionNo());
		row.put("planState", p.getState());
		row.put("planOwner", name(departments, p.getOwnerDepartmentId()));
		row.put("publishedAt", p.getPublishedAt());
		row.put("amendmentReason", p.getAmendmentReason());
		return row;
	}

	private Map<String, Object> entryFields(PlanEntry e, Map<Long, Department> departments) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("entry", e.getName());
		row.put("selection", e.getSelection());
		row.put("level", e.getLevel());
		row.put("periodFrom", e.getPeriodFrom());
		row.put("periodTo", e.getPeriodTo());
		row.put("leadDepartment", name(departments, e.getLeadDepartmentId()));
		row.put("departments", e.getDepartments().stream().map(d -> name(departments, d.getDepartmentId())).toList());
		return row;
	}

	private Map<String, Object> taskFields(Task t, Map<Long, Department> departments) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("taskId", t.getId());
		row.put("code", t.getCode());
		row.put("name", t.getName());
		row.put("year", t.getTaskYear());
		row.put("joint", t.isJoint());
		row.put("leadDepartment", name(departments, t.getLeadDepartmentId()));
		row.put("departments", t.getSubTasks().stream().map(s -> name(departments, s.getDepartmentId())).toList());
		row.put("basis", t.getBasis());
		row.put("region", t.getRegion());
		row.put("targets", t.getTargets());
		row.put("content", t.getContent());
		row.put("methods", t.getMethods());
		row.put("requirements", t.getRequirements());
		row.put("scheduleFrom", t.getScheduleFrom());
		row.put("scheduleTo", t.getScheduleTo());
		row.put("state", t.getState());
		row.put("targetCount", t.getTargetCount());
		return row;
	}

	private List<Plan> allPlans(PublicListFilter filter) {
		List<Plan> all = new ArrayList<>();
		for (int page = 0;; page++) {
			Page<Plan> result = this.plans.publicPlans(filter, page, 200);
			all.addAll(result.getContent());
			if (result.isLast()) {
				return all;
			}
		}
	}

	private List<Task> allTasks(PublicListFilter filter) {
		List<Task> all = new ArrayList<>();
		for (int page = 0;; page++) {
			Page<Task> result = this.tasks.publicTasks(filter, page, 200);
			all.addAll(result.getContent());
			if (result.isLast()) {
				return all;
			}
		}
	}

	private Map<Long, Department> departments() {
		return this.organization.departments().stream()
			.collect(Collectors.toMap(Department::getId, Function.identity(), (a, b) -> a));
	}

	private static String name(Map<Long, Department> departments, Long id) {
		Department d = departments.get(id);
		return (d != null) ? d.getName() : null;
	}

	private static List<String> columns(List<Map<String, Object>> rows, String... columns) {
		return List.of(columns);
	}

}
