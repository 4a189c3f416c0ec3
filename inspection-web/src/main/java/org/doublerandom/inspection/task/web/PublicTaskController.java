package org.doublerandom.inspection.task.web;

import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.task.TaskService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** 抽查任务公告: tasks on the public site with the inspecting authority and, once drawn, the number of targets. */
@Controller
class PublicTaskController {

	private final TaskService tasks;

	private final OrganizationService organization;

	private final org.doublerandom.inspection.target.TargetService targets;

	PublicTaskController(TaskService tasks, OrganizationService organization, org.doublerandom.inspection.target.TargetService targets) {
		this.targets = targets;
		this.tasks = tasks;
		this.organization = organization;
	}

	@GetMapping("/public/tasks")
	String list(@RequestParam(name = "page", required = false) Integer page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		var result = this.tasks.publicTasks((page != null) ? page : 0, 20);
		model.addAttribute("result", result);
		model.addAttribute("entries", result.getContent().stream()
			.collect(Collectors.toMap(org.doublerandom.inspection.task.Task::getId, this.tasks::entryOf)));
		model.addAttribute("listUrl", "/public/tasks");
		departments(model);
		return (htmx != null) ? "task/public-list :: results" : "task/public-list";
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
