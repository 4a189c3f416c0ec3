package org.doublerandom.inspection.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.plan.PlanEntry;
import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 避免重复组织: the bureau's view of entries of different departments that share targets, and their merge. */
@Controller
class OverlapController {

	private final PlanService plans;

	private final OrganizationService organization;

	private final Clock clock;

	OverlapController(PlanService plans, OrganizationService organization, Clock clock) {
		this.plans = plans;
		this.organization = organization;
		this.clock = clock;
	}

	@GetMapping("/plans/overlaps")
	String overlaps(@RequestParam(name = "year", required = false) Integer year, Model model) {
		int shown = (year != null) ? year : LocalDate.now(this.clock).getYear();
		model.addAttribute("year", shown);
		model.addAttribute("years", java.util.List.of(shown + 1, shown, shown - 1));
		model.addAttribute("overlaps", this.plans.overlaps(shown));
		model.addAttribute("departmentsById", this.organization.departments()
			.stream()
			.collect(Collectors.toMap(Department::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
		return "plan/overlaps";
	}

	@PostMapping("/plans/overlaps/merge")
	String merge(@RequestParam(name = "first", required = false) Long first,
			@RequestParam(name = "second", required = false) Long second, RedirectAttributes flash) {
		if (!this.plans.mayCoordinate()) {
			throw new NotPermittedException("plan.merge");
		}
		if (first == null || second == null) {
			throw new NotFoundException("planEntry", String.valueOf(first));
		}
		try {
			PlanEntry merged = this.plans.merge(first, second);
			flash.addFlashAttribute("message", "plan.overlap.merged");
			return "redirect:/plans/" + merged.getPlan().getId() + "#entries";
		}
		catch (NotFoundException | NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			FormErrors.flash(flash, ex);
			return "redirect:/plans/overlaps";
		}
	}

}
