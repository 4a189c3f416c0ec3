package org.doublerandom.inspection.result.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.result.InspectionResult;
import org.doublerandom.inspection.result.PublishedResults;
import org.doublerandom.inspection.result.ResultService;
import org.doublerandom.inspection.result.Terms;
import org.doublerandom.inspection.shared.PublicListFilter;
import org.doublerandom.inspection.web.support.PublicFilterBar;
import org.doublerandom.inspection.web.support.PublicFilterForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * 抽查结果公示: the published results per task and inspecting department, and one result's items. Only published
 * results, and nothing personal: no inspector, reviewer, opinion or finding text.
 */
@Controller
@RequestMapping("/public/results")
class PublicResultController {

	private final ResultService results;

	private final OrganizationService organization;

	private final PublicFilterBar filterBar;

	PublicResultController(ResultService results, OrganizationService organization, PublicFilterBar filterBar) {
		this.filterBar = filterBar;
		this.results = results;
		this.organization = organization;
	}

	@GetMapping
	String list(@ModelAttribute("filter") PublicFilterForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		PublicListFilter filter = this.filterBar.resolve(form, binding);
		var result = this.results.notices(filter, form.pageOrFirst(), PublicFilterBar.PAGE_SIZE);
		this.filterBar.show(model, "/public/results", form, filter, result, response);
		return PublicFilterBar.view(request, "result/public-list");
	}

	@GetMapping("/tasks/{id}")
	String notice(@PathVariable long id, Model model) {
		List<PublishedResults.Notice> notices = this.results.noticesOfTask(id);
		Map<Long, List<PublishedResults.Row>> rows = new LinkedHashMap<>();
		notices.forEach(n -> rows.put(n.departmentId(), this.results.noticeRows(n.taskId(), n.departmentId())));
		model.addAttribute("notices", notices);
		model.addAttribute("rows", rows);
		model.addAttribute("categoriesByCode", categories());
		return "result/public-notice";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		InspectionResult result = this.results.publishedResult(id);
		PublishedResults.Notice notice = this.results.notice(result.getTaskId(), result.getDepartmentId());
		PublishedResults.Row row = this.results.noticeRows(result.getTaskId(), result.getDepartmentId())
			.stream()
			.filter(r -> r.resultId() == id)
			.findFirst()
			.orElseThrow();
		model.addAttribute("result", result);
		model.addAttribute("notice", notice);
		model.addAttribute("row", row);
		model.addAttribute("categoriesByCode", categories());
		model.addAttribute("departmentsById", this.organization.departments().stream()
			.collect(Collectors.toMap(Department::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
		return "result/public-detail";
	}

	private Map<String, Terms.Term> categories() {
		return ResultController.byCode(this.results.categories());
	}

}
