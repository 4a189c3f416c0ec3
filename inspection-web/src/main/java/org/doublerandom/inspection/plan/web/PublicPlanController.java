package org.doublerandom.inspection.plan.web;

import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.organization.Region;
import org.doublerandom.inspection.plan.Plan;
import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.shared.PublicListFilter;
import org.doublerandom.inspection.web.support.PublicFilterBar;
import org.doublerandom.inspection.web.support.PublicFilterForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** 抽查计划公告: published plans (and versions amended or closed since) on the public site, without sign-in. */
@Controller
class PublicPlanController {

	private final PlanService plans;

	private final OrganizationService organization;

	private final org.doublerandom.inspection.target.TargetService targets;

	private final PublicFilterBar filterBar;

	PublicPlanController(PlanService plans, OrganizationService organization, org.doublerandom.inspection.target.TargetService targets,
			PublicFilterBar filterBar) {
		this.filterBar = filterBar;
		this.targets = targets;
		this.plans = plans;
		this.organization = organization;
	}

	@GetMapping("/public/plans")
	String list(@ModelAttribute("filter") PublicFilterForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		PublicListFilter filter = this.filterBar.resolve(form, binding);
		var result = this.plans.publicPlans(filter, form.pageOrFirst(), PublicFilterBar.PAGE_SIZE);
		this.filterBar.show(model, "/public/plans", form, filter, result, response);
		reference(model);
		return PublicFilterBar.view(request, "plan/public-list");
	}

	@GetMapping("/public/plans/{id}")
	String detail(@PathVariable Long id, Model model) {
		Plan plan = this.plans.publicPlan(id);
		model.addAttribute("plan", plan);
		var entryTasks = new LinkedHashMap<Long, Object>();
		plan.getEntries().forEach(e -> this.plans.taskOf(e).ifPresent(t -> entryTasks.put(e.getId(), t)));
		model.addAttribute("entryTasks", entryTasks);
		reference(model);
		return "plan/public-detail";
	}

	private void reference(Model model) {
		model.addAttribute("sectionsByCode", this.targets.sections().stream().collect(java.util.stream.Collectors
			.toMap(org.doublerandom.inspection.target.IndustrySection::getCode, java.util.function.Function.identity())));
		model.addAttribute("departmentsById", this.organization.departments()
			.stream()
			.collect(Collectors.toMap(Department::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("regionsByCode", this.organization.regions()
			.stream()
			.collect(Collectors.toMap(Region::getCode, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
	}

}
