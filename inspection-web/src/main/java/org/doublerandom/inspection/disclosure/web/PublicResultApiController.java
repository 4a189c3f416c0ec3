package org.doublerandom.inspection.disclosure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.doublerandom.inspection.result.OpenResultService;
import org.doublerandom.inspection.result.OpenResults;
import org.doublerandom.inspection.result.Terms;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The results part of the public API (抽查结果): published results, newest publication first, 50 a page, and one
 * result with its item lines. Rows as in results.json; an unpublished result is 404 like its page. Kept apart
 * from PublicApiController so that each feature's endpoints stay in their own class; springdoc describes both
 * at {@code /api/public/openapi.json}.
 */
@RestController
@RequestMapping(path = "/api/public", produces = "application/json")
class PublicResultApiController {

	private final OpenResultService results;

	private final OpenResultRows rows;

	private final MessageSource messages;

	private final org.doublerandom.inspection.web.support.PublicFilterBar filterBar;

	PublicResultApiController(OpenResultService results, OpenResultRows rows, MessageSource messages,
			org.doublerandom.inspection.web.support.PublicFilterBar filterBar) {
		this.filterBar = filterBar;
		this.results = results;
		this.rows = rows;
		this.messages = messages;
	}

	/**
	 * Published results, newest publication first, 50 a page ({@code hasNext} says whether another follows).
	 * Optional filters: {@code department} (id, as in /api/public/departments), {@code year} of publication (Beijing
	 * time), {@code task} (id, as in /api/public/tasks).
	 */
	@GetMapping("/results")
	Map<String, Object> results(@RequestParam(name = "department", required = false) Long department,
			@RequestParam(name = "year", required = false) Integer year,
			@RequestParam(name = "task", required = false) Long task,
			@RequestParam(name = "page", required = false) Integer page) {
		// an unknown department is refused as on the other lists (PublicFilterBar), not answered with nothing
		this.filterBar.filter(department, year, null);
		OpenResultService.Page found = this.results.page(new OpenResults.Filter(department, year, task), page);
		Map<String, Terms.Term> categories = this.rows.categories();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("page", found.page());
		body.put("size", found.size());
		body.put("hasNext", found.hasNext());
		body.put("results",
				found.results().stream().map(r -> OpenResultRows.row(r, categories, Locale.SIMPLIFIED_CHINESE)).toList());
		return body;
	}

	/** One published result (fields as in results.json) with its item lines (as in result-items.json). */
	@GetMapping("/results/{id}")
	Map<String, Object> result(@PathVariable long id) {
		Map<String, Object> body = OpenResultRows.row(this.results.one(id), this.rows.categories(),
				Locale.SIMPLIFIED_CHINESE);
		List<Map<String, Object>> items = this.results.items(id).stream().map(OpenResultRows::item).toList();
		body.put("items", items);
		return body;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.messageKey(), ex.arguments());
	}

	@ExceptionHandler(DomainException.class)
	ProblemDetail refused(DomainException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.messageKey(), ex.arguments());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "disclosure.api.badParameter", new Object[] { ex.getName() });
	}

	private ProblemDetail problem(HttpStatus status, String key, Object[] args) {
		return ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
	}

}
