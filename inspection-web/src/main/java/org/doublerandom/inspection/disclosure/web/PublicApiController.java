package org.doublerandom.inspection.disclosure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.doublerandom.inspection.disclosure.DisclosureService;
import org.doublerandom.inspection.disclosure.EntityDraw;
import org.doublerandom.inspection.disclosure.EntityResults;
import org.doublerandom.inspection.disclosure.PublicEntity;
import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.task.TaskService;
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

/**
 * The read-only public API (公开数据接口): the same published records as the pages and downloads, as JSON.
 * Described in OpenAPI at {@code /api/public/openapi.json} (docs/open-data.md).
 */
@RestController
@RequestMapping(path = "/api/public", produces = "application/json")
class PublicApiController {

	private final OpenData data;

	private final DisclosureService disclosure;

	private final PlanService plans;

	private final TaskService tasks;

	private final MessageSource messages;

	PublicApiController(OpenData data, DisclosureService disclosure, PlanService plans, TaskService tasks,
			MessageSource messages) {
		this.data = data;
		this.disclosure = disclosure;
		this.plans = plans;
		this.tasks = tasks;
		this.messages = messages;
	}

	/** The items of the list versions in force; {@code department} narrows to one department's lists. */
	@GetMapping("/items")
	List<Map<String, Object>> items(@RequestParam(name = "department", required = false) Long department) {
		return this.data.items(department).rows();
	}

	/** One row per entry of every published plan version. */
	@GetMapping("/plans")
	List<Map<String, Object>> plans() {
		return this.data.plans().rows();
	}

	@GetMapping("/plans/{id}")
	Map<String, Object> plan(@PathVariable Long id) {
		return this.data.plan(this.plans.publicPlan(id));
	}

	@GetMapping("/tasks")
	List<Map<String, Object>> tasks() {
		return this.data.tasks().rows();
	}

	@GetMapping("/tasks/{id}")
	Map<String, Object> task(@PathVariable Long id) {
		return this.data.task(this.tasks.publicTask(id));
	}

	@GetMapping("/draws")
	List<Map<String, Object>> draws() {
		return this.data.draws().rows();
	}

	/** 市场主体查询: by a part of the name or the start of the credit code, 20 a page. */
	@GetMapping("/entities")
	Map<String, Object> entities(@RequestParam(name = "q") String q,
			@RequestParam(name = "page", required = false) Integer page) {
		EntityResults results = this.disclosure.entities(q, (page != null) ? page : 0);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", results.query().text());
		body.put("page", results.page());
		body.put("size", results.size());
		body.put("hasNext", results.hasNext());
		body.put("entities", results.rows());
		return body;
	}

	/** An entity by registry id or credit code, with the published draws it was drawn in. */
	@GetMapping("/entities/{id}")
	Map<String, Object> entity(@PathVariable("id") String key) {
		PublicEntity entity = this.disclosure.entity(key);
		List<EntityDraw> draws = this.disclosure.draws(entity);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("entity", entity);
		body.put("draws", draws);
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

	@ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
	ProblemDetail missing(org.springframework.web.bind.MissingServletRequestParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "disclosure.entities.refused.tooShort", new Object[0]);
	}

	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "disclosure.api.badParameter", new Object[] { ex.getName() });
	}

	private ProblemDetail problem(HttpStatus status, String key, Object[] args) {
		return ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
	}

}
