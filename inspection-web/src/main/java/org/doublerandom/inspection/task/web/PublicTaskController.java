package org.doublerandom.inspection.task.web;

import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.task.TaskService;
import org.doublerandom.inspection.shared.PublicListFilter;
import org.doublerandom.inspection.web.support.PublicFilterBar;
import org.doublerandom.inspection.web.support.PublicFilterForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** 抽查任务公告: tasks on the public site with the inspecting authority and, once drawn, the number of targets. */
@Controller
class PublicTaskController {

	private final TaskService tasks;

	private final OrganizationService organization;

	private final org.doublerandom.inspection.target.TargetService targets;

	private final PublicFilterBar filterBar;

	PublicTaskController(TaskService tasks, OrganizationService organization, org.doublerandom.inspection.target.TargetService targets,
			PublicFilterBar filterBar) {
		this.filterBar = filterBar;
		this.targets = targets;
		this.tasks = tasks;
		this.organization = organization;
	}

	@GetMapping("/public/tasks")
	String list(@ModelAttribute("filter") PublicFilterForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		PublicListFilter filter = this.filterBar.resolve(form, binding);
		var result = this.tasks.publicTasks(filter, form.pageOrFirst(), PublicFilterBar.PAGE_SIZE);
		this.filterBar.show(model, "/public/tasks", form, filter, result, response);
		model.addAttribute("entries", result.getContent().stream()
			.collect(Collectors.toMap(org.doublerandom.inspection.task.Task::getId, this.tasks::entryOf)));
		departments(model);
		return PublicFilterBar.view(request, "task/public-list");
	}

	@GetMapping("/public/tasks/{id}")
	String detail(@PathVariable Long id, Model model) {
		var task = this.tasks.publicTask(id);
		model.addAttribute("task", task);
		model.addAttribute("entry", this.tasks.entryOf(task));
		departments(model);
		return "task/public-detail";
	}

	private void departments(Model model) {
		model.addAttribute("sectionsByCode", this.targets.sections().stream().collect(java.util.stream.Collectors
			.toMap(org.doublerandom.inspection.target.IndustrySection::getCode, java.util.function.Function.identity())));
		model.addAttribute("regionsByCode", this.organization.regions()
			.stream()
			.collect(Collectors.toMap(org.doublerandom.inspection.organization.Region::getCode, Function.identity(),
					(a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("departmentsById", this.organization.departments()
			.stream()
			.collect(Collectors.toMap(Department::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
	}

}
