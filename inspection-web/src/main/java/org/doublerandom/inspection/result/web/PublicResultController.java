package org.doublerandom.inspection.result.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.result.PublishedResults;
import org.doublerandom.inspection.result.ResultService;
import org.doublerandom.inspection.result.Terms;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.PublicListFilter;
import org.doublerandom.inspection.web.support.PublicFilterBar;
import org.doublerandom.inspection.web.support.PublicFilterForm;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

	/**
	 * A task's notices, one per department that published, 50 rows a page in the order of 序号. {@code page} pages
	 * the notice of {@code department} (the others stay on their first page); htmx asks for that notice alone.
	 */
	@GetMapping("/tasks/{id}")
	String notice(@PathVariable long id, @RequestParam(name = "department", required = false) Long department,
			@RequestParam(name = "page", required = false) Integer page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
			Model model) {
		response.addHeader("Vary", "HX-Request");
		List<PublishedResults.Notice> notices = this.results.noticesOfTask(id);
		if (department != null) {
			if (notices.stream().noneMatch(n -> n.departmentId() == department)) {
				throw new NotFoundException("resultNotice", id + "/" + department);
			}
			if (htmx != null) {
				notices = notices.stream().filter(n -> n.departmentId() == department).toList();
			}
		}
		Map<Long, Page<PublishedResults.Row>> rows = new LinkedHashMap<>();
		for (PublishedResults.Notice n : notices) {
			boolean paged = department == null || n.departmentId() == department;
			rows.put(n.departmentId(), this.results.noticePage(n, (paged && page != null) ? page : 0));
		}
		model.addAttribute("notices", notices);
		model.addAttribute("rows", rows);
		model.addAttribute("categoriesByCode", categories());
		return (htmx != null && department != null) ? "result/public-notice :: notice" : "result/public-notice";
	}

	/** One result with its items; its row (序号 included) is read alone, not found among the notice's rows. */
	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		PublishedResults.Detail result = this.results.publishedDetail(id);
		PublishedResults.Notice notice = this.results.notice(result.taskId(), result.departmentId());
		model.addAttribute("result", result);
		model.addAttribute("notice", notice);
		PublishedResults.Row row = this.results.publishedRow(id);
		model.addAttribute("row", row);
		// the notice's page that holds the row, for the link back
		model.addAttribute("noticePage", (row.position() - 1) / ResultService.NOTICE_PAGE_SIZE);
		model.addAttribute("categoriesByCode", categories());
		return "result/public-detail";
	}

	private Map<String, Terms.Term> categories() {
		return ResultController.byCode(this.results.categories());
	}

}
