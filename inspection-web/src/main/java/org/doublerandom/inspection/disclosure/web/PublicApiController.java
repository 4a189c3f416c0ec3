package org.doublerandom.inspection.disclosure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.doublerandom.inspection.disclosure.DisclosureService;
import org.doublerandom.inspection.disclosure.EntityDraw;
import org.doublerandom.inspection.disclosure.EntityResults;
import org.doublerandom.inspection.disclosure.PublicEntity;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.task.TaskService;
import org.doublerandom.inspection.web.support.PublicFilterBar;
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

	private static final String DEPARTMENT = "Department id (部门), as listed by /api/public/departments; "
			+ "an unknown id is refused (400)";

	private static final String YEAR = "Year, 2000 to 2100; outside is refused (400)";

	private static final String REGION = "Banner/district (旗区), GB/T 2260 code such as 150602 (东胜区); an unknown code is "
			+ "refused (400)";

	private static final String PAGE = "Page from 0, 20 a page; without it, everything that matches";

	private final OpenData data;

	private final PublicFilterBar filterBar;

	private final DisclosureService disclosure;

	private final PlanService plans;

	private final TaskService tasks;

	private final MessageSource messages;

	private final OrganizationService organization;

	PublicApiController(OpenData data, DisclosureService disclosure, PlanService plans, TaskService tasks,
			MessageSource messages, PublicFilterBar filterBar, OrganizationService organization) {
		this.organization = organization;
		this.filterBar = filterBar;
		this.data = data;
		this.disclosure = disclosure;
		this.plans = plans;
		this.tasks = tasks;
		this.messages = messages;
	}

	/** The departments with the ids the {@code department} filters take; names in Chinese and English. */
	@GetMapping("/departments")
	@Operation(summary = "部门: every department with the id the department filters take")
	List<Map<String, Object>> departments() {
		return this.organization.departments().stream().map(d -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", d.getId());
			row.put("code", d.getCode());
			row.put("name", d.getName());
			row.put("nameEn", d.getNameEn());
			row.put("regionCode", d.getRegionCode());
			row.put("enforcing", d.isEnforcing());
			return row;
		}).toList();
	}

	/** The city and its banners/districts with the GB/T 2260 codes the {@code region} filters take. */
	@GetMapping("/regions")
	@Operation(summary = "旗区: the city and its banners/districts with the codes the region filters take")
	List<Map<String, Object>> regions() {
		return this.organization.regions().stream().map(r -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("code", r.getCode());
			row.put("name", r.getName());
			row.put("nameEn", r.getNameEn());
			row.put("parentCode", r.getParentCode());
			row.put("level", r.getLevel().name());
			return row;
		}).toList();
	}

	/** The items of the list versions in force; {@code department} narrows to one department's lists. */
	@GetMapping("/items")
	List<Map<String, Object>> items(@RequestParam(name = "department", required = false) Long department) {
		return this.data.items(department).rows();
	}

	/**
	 * One row per entry of every published plan version; the filters are those of the public listings
	 * (docs/open-data.md), and {@code page} gives 20 plan versions a page instead of all.
	 */
	@GetMapping("/plans")
	@Operation(summary = "抽查计划公告: one row per entry of each published plan version",
			description = "A plan version matches a department that owns it or leads or takes part in one of its entries, "
					+ "a year by its plan year, a banner/district if an entry's target scope covers it (an entry "
					+ "without a region limit covers the whole city).")
	List<Map<String, Object>> plans(@Parameter(description = DEPARTMENT) @RequestParam(name = "department", required = false) Long department,
			@Parameter(description = YEAR) @RequestParam(name = "year", required = false) Integer year,
			@Parameter(description = REGION) @RequestParam(name = "region", required = false) String region,
			@Parameter(description = PAGE) @RequestParam(name = "page", required = false) Integer page) {
		return this.data.plans(this.filterBar.filter(department, year, region), page).rows();
	}

	@GetMapping("/plans/{id}")
	Map<String, Object> plan(@PathVariable Long id) {
		return this.data.plan(this.plans.publicPlan(id));
	}

	@GetMapping("/tasks")
	@Operation(summary = "抽查任务公告: the tasks, newest first",
			description = "A task matches a department that leads it or takes part, a year its schedule overlaps, "
					+ "a banner/district its entry's target scope covers (no region limit: the whole city).")
	List<Map<String, Object>> tasks(@Parameter(description = DEPARTMENT) @RequestParam(name = "department", required = false) Long department,
			@Parameter(description = YEAR) @RequestParam(name = "year", required = false) Integer year,
			@Parameter(description = REGION) @RequestParam(name = "region", required = false) String region,
			@Parameter(description = PAGE) @RequestParam(name = "page", required = false) Integer page) {
		return this.data.tasks(this.filterBar.filter(department, year, region), page).rows();
	}

	@GetMapping("/tasks/{id}")
	Map<String, Object> task(@PathVariable Long id) {
		return this.data.task(this.tasks.publicTask(id));
	}

	@GetMapping("/draws")
	@Operation(summary = "抽取结果公示: the committed draws (voided ones too), newest first",
			description = "A draw matches the filters as its task does (see /api/public/tasks).")
	List<Map<String, Object>> draws(@Parameter(description = DEPARTMENT) @RequestParam(name = "department", required = false) Long department,
			@Parameter(description = YEAR) @RequestParam(name = "year", required = false) Integer year,
			@Parameter(description = REGION) @RequestParam(name = "region", required = false) String region,
			@Parameter(description = PAGE) @RequestParam(name = "page", required = false) Integer page) {
		return this.data.draws(this.filterBar.filter(department, year, region), page).rows();
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
