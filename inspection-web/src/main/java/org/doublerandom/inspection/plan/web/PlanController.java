package org.doublerandom.inspection.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doublerandom.inspection.item.ItemList;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.organization.Region;
import org.doublerandom.inspection.plan.CreditBand;
import org.doublerandom.inspection.plan.ImplementationLevel;
import org.doublerandom.inspection.plan.Plan;
import org.doublerandom.inspection.plan.PlanEntry;
import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.plan.PlanState;
import org.doublerandom.inspection.plan.PlanType;
import org.doublerandom.inspection.plan.RoundingRule;
import org.doublerandom.inspection.plan.Selection;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.target.TargetService;
import org.doublerandom.inspection.target.TargetStatus;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 年度抽查计划: list, detail, the plan and entry forms, the entry preview and the workflow buttons. */
@Controller
@RequestMapping("/plans")
class PlanController {

	static final String PATH = "/plans";

	private final PlanService plans;

	private final OrganizationService organization;

	private final TargetService targets;

	private final Clock clock;

	PlanController(PlanService plans, OrganizationService organization, TargetService targets,
			Clock clock) {
		this.plans = plans;
		this.organization = organization;
		this.targets = targets;
		this.clock = clock;
	}

	@GetMapping
	String list(@ModelAttribute("filter") PlanFilter filter, BindingResult bindingErrors,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		// the form offers only valid choices: a value it cannot bind came from an edited address (400, not 500)
		FormErrors.refuseUnboundFilter(bindingErrors);
		var result = this.plans.search(filter.year(), filter.type(), filter.state(), filter.pageOrFirst(), 20);
		model.addAttribute("result", result);
		model.addAttribute("deadlines",
				result.getContent().stream().collect(Collectors.toMap(Plan::getId, this.plans::deadline)));
		model.addAttribute("listUrl", filter.url(PATH));
		model.addAttribute("years", years());
		model.addAttribute("types", PlanType.values());
		model.addAttribute("states", PlanState.values());
		model.addAttribute("mayCreateDepartment", this.plans.mayCreate(PlanType.DEPARTMENT));
		model.addAttribute("mayCreateJoint", this.plans.mayCreate(PlanType.JOINT));
		model.addAttribute("mayCoordinate", this.plans.mayCoordinate());
		departments(model);
		return (htmx != null) ? "plan/list :: results" : "plan/list";
	}

	@GetMapping("/new")
	String newForm(@RequestParam(name = "type", defaultValue = "DEPARTMENT") PlanType type, Model model) {
		int year = LocalDate.now(this.clock).getYear();
		model.addAttribute("form", new PlanForm(type, year, year + ((type == PlanType.JOINT) ? "年度部门联合双随机抽查计划" : "年度双随机抽查计划")));
		return planForm(model);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") PlanForm form, BindingResult result, Model model, RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				if (form.year() == null) {
					throw new DomainException("plan.refused.yearRequired", "year");
				}
				Plan plan = this.plans.create(form.type(), form.year(), form.name());
				flash.addFlashAttribute("message", "plan.created");
				return "redirect:" + PATH + "/" + plan.getId();
			}
			catch (NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		return planForm(model);
	}

	private String planForm(Model model) {
		model.addAttribute("types", PlanType.values());
		model.addAttribute("years", years());
		return "plan/form";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable Long id, Model model) {
		Plan plan = this.plans.plan(id);
		model.addAttribute("plan", plan);
		model.addAttribute("deadline", this.plans.deadline(plan));
		model.addAttribute("versions", this.plans.versions(plan));
		model.addAttribute("history", this.plans.history(plan));
		model.addAttribute("mayWrite", this.plans.mayWrite(plan));
		model.addAttribute("mayApprove", this.plans.mayApprove(plan));
		model.addAttribute("mayAmend", this.plans.mayAmend(plan));
		Map<Long, Object> entryTasks = new LinkedHashMap<>();
		Map<Long, Boolean> mayCreateTask = new LinkedHashMap<>();
		for (PlanEntry entry : plan.getEntries()) {
			this.plans.taskOf(entry).ifPresent(task -> entryTasks.put(entry.getId(), task));
			mayCreateTask.put(entry.getId(), this.plans.mayCreateTask(plan, entry));
		}
		model.addAttribute("entryTasks", entryTasks);
		model.addAttribute("mayCreateTask", mayCreateTask);
		departments(model);
		return "plan/detail";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable Long id, Model model) {
		Plan plan = writablePlan(id);
		model.addAttribute("plan", plan);
		model.addAttribute("form", new PlanForm(plan.getType(), plan.getYear(), plan.getName()));
		return planForm(model);
	}

	@PostMapping("/{id}/edit")
	String rename(@PathVariable Long id, @ModelAttribute("form") PlanForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		try {
			this.plans.rename(id, form.name());
			flash.addFlashAttribute("message", "plan.saved");
			return "redirect:" + PATH + "/" + id;
		}
		catch (NotFoundException | NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			FormErrors.reject(result, ex);
		}
		model.addAttribute("plan", this.plans.plan(id));
		return planForm(model);
	}

	// ---- entries

	@GetMapping("/{id}/entries/new")
	String newEntry(@PathVariable Long id, Model model) {
		Plan plan = writablePlan(id);
		Long lead = (plan.getType() == PlanType.DEPARTMENT) ? plan.getOwnerDepartmentId()
				: plan.getOwnerDepartmentId();
		model.addAttribute("form", EntryForm.empty(plan.getYear(), lead));
		return entryForm(plan, null, model);
	}

	@PostMapping("/{id}/entries/new")
	String addEntry(@PathVariable Long id, @ModelAttribute("form") EntryForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				this.plans.addEntry(id, form.toDetails());
				flash.addFlashAttribute("message", "plan.entry.added");
				return "redirect:" + PATH + "/" + id + "#entries";
			}
			catch (NotFoundException | NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		return entryForm(this.plans.plan(id), null, model);
	}

	@GetMapping("/entries/{id}/edit")
	String editEntry(@PathVariable Long id, Model model) {
		Plan plan = this.plans.planOfEntry(id);
		if (!this.plans.mayWrite(plan)) {
			throw new NotFoundException("planEntry", id);
		}
		PlanEntry entry = plan.entry(id);
		model.addAttribute("form", EntryForm.of(entry));
		return entryForm(plan, entry, model);
	}

	@PostMapping("/entries/{id}/edit")
	String changeEntry(@PathVariable Long id, @ModelAttribute("form") EntryForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				this.plans.changeEntry(id, form.toDetails());
				flash.addFlashAttribute("message", "plan.entry.saved");
				return "redirect:" + PATH + "/" + this.plans.planOfEntry(id).getId() + "#entries";
			}
			catch (NotFoundException | NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		Plan plan = this.plans.planOfEntry(id);
		return entryForm(plan, plan.entry(id), model);
	}

	@PostMapping("/entries/{id}/delete")
	String removeEntry(@PathVariable Long id, RedirectAttributes flash) {
		Long planId = this.plans.planOfEntry(id).getId();
		return step(planId, flash, "plan.entry.removed", () -> this.plans.removeEntry(id));
	}

	/** The live preview of the entry form: matching targets and the planned sample per credit class. */
	@GetMapping("/preview")
	String preview(@ModelAttribute("form") EntryForm form, BindingResult ignoredBindingErrors, Model model) {
		try {
			model.addAttribute("preview", this.plans.preview(form.scope(), form.excludeWithinMonths(), form.itemKeys(),
					form.sampling(), form.rounding(), form.sampleTotal()));
		}
		catch (NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			model.addAttribute("previewError", ex);
		}
		model.addAttribute("bands", CreditBand.values());
		return "plan/entry-form :: preview";
	}

	private String entryForm(Plan plan, PlanEntry entry, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("entry", entry);
		model.addAttribute("selections", Selection.values());
		model.addAttribute("levels", ImplementationLevel.values());
		model.addAttribute("methods", InspectionMethod.values());
		model.addAttribute("kinds", TargetKind.values());
		model.addAttribute("statuses", TargetStatus.values());
		model.addAttribute("bands", CreditBand.values());
		model.addAttribute("roundings", RoundingRule.values());
		model.addAttribute("regions", this.organization.regions());
		model.addAttribute("sections", this.targets.sections());
		List<Department> taking = this.organization.departments().stream().filter(d -> d.isActive() && d.isEnforcing()).toList();
		model.addAttribute("partners", (plan.getType() == PlanType.DEPARTMENT)
				? taking.stream().sorted((a, b) -> Boolean.compare(!a.getId().equals(plan.getOwnerDepartmentId()),
						!b.getId().equals(plan.getOwnerDepartmentId()))).toList()
				: taking);
		Object form = model.getAttribute("form");
		model.addAttribute("officersByDepartment", officers(form));
		List<ItemList> lists = this.plans.publishedItemLists();
		model.addAttribute("itemLists", lists);
		departments(model);
		return "plan/entry-form";
	}

	private static Map<Long, Integer> officers(Object form) {
		try {
			return (form instanceof EntryForm f) ? f.officerMap() : Map.of();
		}
		catch (DomainException ex) {
			return Map.of();
		}
	}

	// ---- workflow

	@PostMapping("/{id}/submit")
	String submit(@PathVariable Long id, RedirectAttributes flash) {
		return step(id, flash, "plan.submitted", () -> this.plans.submit(id));
	}

	@PostMapping("/{id}/approve")
	String approve(@PathVariable Long id, RedirectAttributes flash) {
		return step(id, flash, "plan.approved", () -> this.plans.approve(id));
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable Long id, RedirectAttributes flash) {
		return step(id, flash, "plan.published", () -> this.plans.publish(id));
	}

	@PostMapping("/{id}/return")
	String sendBack(@PathVariable Long id, @RequestParam(name = "reason", required = false) String reason,
			RedirectAttributes flash) {
		return step(id, flash, "plan.returned", () -> this.plans.returnToDraft(id, reason));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable Long id, RedirectAttributes flash) {
		return step(id, flash, "plan.closed", () -> this.plans.close(id));
	}

	@PostMapping("/{id}/amend")
	String amend(@PathVariable Long id, @RequestParam(name = "reason", required = false) String reason,
			RedirectAttributes flash) {
		try {
			Plan next = this.plans.amend(id, reason);
			flash.addFlashAttribute("message", "plan.amendmentStarted");
			return "redirect:" + PATH + "/" + next.getId();
		}
		catch (NotFoundException | NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("refusal", ex.messageKey());
			flash.addFlashAttribute("refusalArgs", ex.arguments());
			return "redirect:" + PATH + "/" + id;
		}
	}

	/** A refused step comes back to the plan page with its reason. */
	private String step(Long id, RedirectAttributes flash, String done, Runnable action) {
		FormErrors.step(flash, done, action);
		return "redirect:" + PATH + "/" + id;
	}

	private Plan writablePlan(Long id) {
		Plan plan = this.plans.plan(id);
		if (!this.plans.mayWrite(plan)) {
			throw new NotFoundException("plan", id);
		}
		return plan;
	}

	private List<Integer> years() {
		int year = LocalDate.now(this.clock).getYear();
		return List.of(year + 1, year, year - 1);
	}

	private void departments(Model model) {
		model.addAttribute("sectionsByCode", this.targets.sections().stream().collect(java.util.stream.Collectors
			.toMap(org.doublerandom.inspection.target.IndustrySection::getCode, java.util.function.Function.identity())));
		List<Department> all = this.organization.departments();
		model.addAttribute("departmentsById",
				all.stream().collect(Collectors.toMap(Department::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
		List<Region> regions = this.organization.regions();
		model.addAttribute("regionsByCode",
				regions.stream().collect(Collectors.toMap(Region::getCode, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
	}

}
