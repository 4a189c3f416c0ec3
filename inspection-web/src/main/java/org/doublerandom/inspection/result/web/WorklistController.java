package org.doublerandom.inspection.result.web;

import java.util.List;

import org.doublerandom.inspection.result.ResultService;
import org.doublerandom.inspection.result.ResultState;
import org.doublerandom.inspection.result.Urgency;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 工作台: the drawn targets of dispatched tasks with their teams, items, task period and the working days left to
 * the publication deadline; officers their own (or their department's), managers their department's, the bureau
 * all, with the overdue.
 */
@Controller
class WorklistController {

	private final ResultService results;

	WorklistController(ResultService results) {
		this.results = results;
	}

	@GetMapping("/worklist")
	String worklist(@RequestParam(name = "scope", required = false) ResultService.Scope scope, Model model) {
		ResultService.Scope chosen = (scope != null) ? scope : this.results.defaultScope();
		List<ResultService.WorkItem> items = this.results.worklist(chosen);
		model.addAttribute("scope", chosen);
		model.addAttribute("items", items);
		model.addAttribute("overdueCount", items.stream().filter(i -> i.urgency() == Urgency.OVERDUE).count());
		model.addAttribute("publishedCount", items.stream().filter(i -> i.row().stateOrNew() == ResultState.PUBLISHED).count());
		model.addAttribute("missingYears", this.results.missingCalendarYears(items));
		model.addAttribute("today", this.results.today());
		model.addAttribute("deadlineDays", this.results.deadlinePolicy().workingDays());
		return "result/worklist";
	}

	@GetMapping("/results/overdue")
	String overdue(Model model) {
		List<ResultService.WorkItem> items = this.results.overdue();
		model.addAttribute("items", items);
		model.addAttribute("missingYears", this.results.missingCalendarYears(items));
		model.addAttribute("today", this.results.today());
		return "result/overdue";
	}

}
