package org.doublerandom.inspection.task.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.organization.Region;
import org.doublerandom.inspection.plan.EntryItem;
import org.doublerandom.inspection.plan.Plan;
import org.doublerandom.inspection.plan.PlanEntry;
import org.doublerandom.inspection.plan.TargetScope;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskService;
import org.doublerandom.inspection.task.TaskState;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** 抽查任务: list, detail with the state machine, the printable notice, and creation from a published entry. */
@Controller
@RequestMapping("/tasks")
class TaskController {

	private final TaskService tasks;

	private final OrganizationService organization;

	private final org.doublerandom.inspection.target.TargetService targets;

	private final MessageSource messages;

	TaskController(TaskService tasks, OrganizationService organization, MessageSource messages, org.doublerandom.inspection.target.TargetService targets) {
		this.targets = targets;
		this.tasks = tasks;
		this.organization = organization;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(name = "page", required = false) Integer page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		var result = this.tasks.search((page != null) ? page : 0, 20);
		model.addAttribute("result", result);
		model.addAttribute("entries", result.getContent().stream()
			.collect(Collectors.toMap(Task::getId, this.tasks::entryOf)));
		model.addAttribute("listUrl", "/tasks");
		departments(model);
		return (htmx != null) ? "task/list :: results" : "task/list";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable Long id, Model model) {
		Task task = this.tasks.task(id);
		model.addAttribute("task", task);
		model.addAttribute("entry", this.tasks.entryOf(task));
		model.addAttribute("states", TaskState.values());
		departments(model);
		return "task/detail";
	}

	/** 任务通知书: the printable notice (the browser's print; the page hides its navigation when printed). */
	@GetMapping("/{id}/notice")
	String notice(@PathVariable Long id, Model model) {
		Task task = this.tasks.task(id);
		model.addAttribute("task", task);
		model.addAttribute("entry", this.tasks.entryOf(task));
		departments(model);
		return "task/notice";
	}

	@GetMapping("/from-entry/{id}")
	String newForm(@PathVariable Long id, Model model, RedirectAttributes flash) {
		PlanEntry entry;
		try {
			entry = this.tasks.entryForTask(id);
		}
		catch (NotFoundException | NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			return refused(id, ex, flash);
		}
		model.addAttribute("form", prefill(entry));
		return form(entry, model);
	}

	@PostMapping("/from-entry/{id}")
	String create(@PathVariable Long id, @ModelAttribute("form") TaskForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		PlanEntry entry;
		try {
			entry = this.tasks.entryForTask(id);
		}
		catch (NotFoundException | NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			return refused(id, ex, flash);
		}
		if (!result.hasErrors()) {
			try {
				Task task = this.tasks.create(id, form.toDescription());
				flash.addFlashAttribute("message", "task.created");
				flash.addFlashAttribute("messageArgs", new Object[] { task.getCode() });
				return "redirect:/tasks/" + task.getId();
			}
			catch (NotFoundException | NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		return form(entry, model);
	}

	/** The entry cannot have a task now (plan not published, entry merged, task exists): back to its plan. */
	private String refused(Long entryId, DomainException ex, RedirectAttributes flash) {
		FormErrors.flash(flash, ex);
		return "redirect:/plans/" + this.tasks.planIdOfEntry(entryId);
	}

	private String form(PlanEntry entry, Model model) {
		model.addAttribute("entry", entry);
		model.addAttribute("plan", entry.getPlan());
		departments(model);
		return "task/form";
	}

	/** The description drawn from the entry and its plan; the user edits it before creating the task. */
	private TaskForm prefill(PlanEntry entry) {
		Locale locale = LocaleContextHolder.getLocale();
		Plan plan = entry.getPlan();
		String items = entry.getItems().stream().map(i -> i.getItemCode() + " " + i.getItemName())
			.collect(Collectors.joining("；"));
		String basis = msg("task.prefill.basis", locale, plan.getName(), plan.getCode(), items);
		TargetScope scope = entry.scope();
		var regions = this.organization.regions().stream().collect(Collectors.toMap(Region::getCode, Region::getName));
		String region = scope.regionCodes().isEmpty() ? msg("task.prefill.wholeCity", locale)
				: scope.regionCodes().stream().sorted().map(c -> regions.getOrDefault(c, c)).collect(Collectors.joining("、"));
		String kinds = scope.kinds().isEmpty() ? msg("task.prefill.anyKind", locale)
				: scope.kinds().stream().map(k -> msg("enum.TargetKind." + k.name(), locale)).sorted()
					.collect(Collectors.joining("、"));
		String targets = msg("task.prefill.targets", locale, kinds);
		String content = entry.getItems().stream().map(EntryItem::getItemName).collect(Collectors.joining("；"));
		String methods = entry.getMethods().stream().map(m -> msg("enum.InspectionMethod." + m.name(), locale))
			.collect(Collectors.joining("、"));
		String requirements = msg("task.prefill.requirements", locale, entry.totalOfficersPerTarget());
		return new TaskForm(entry.getName(), basis, region, targets, content, methods, requirements,
				entry.getPeriodFrom(), entry.getPeriodTo());
	}

	private String msg(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private void departments(Model model) {
		model.addAttribute("sectionsByCode", this.targets.sections().stream().collect(java.util.stream.Collectors
			.toMap(org.doublerandom.inspection.target.IndustrySection::getCode, java.util.function.Function.identity())));
		model.addAttribute("regionsByCode", this.organization.regions()
			.stream()
			.collect(Collectors.toMap(Region::getCode, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
		List<Department> all = this.organization.departments();
		model.addAttribute("departmentsById",
				all.stream().collect(Collectors.toMap(Department::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
	}

}
