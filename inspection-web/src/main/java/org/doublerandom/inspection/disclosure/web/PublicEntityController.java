package org.doublerandom.inspection.disclosure.web;

import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doublerandom.inspection.disclosure.DisclosureService;
import org.doublerandom.inspection.disclosure.PublicEntity;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.organization.Region;
import org.doublerandom.inspection.result.NonRandomService;
import org.doublerandom.inspection.result.ResultService;
import org.doublerandom.inspection.result.Terms;
import org.doublerandom.inspection.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 市场主体查询: a visitor finds an entity by a part of its name or its 统一社会信用代码, and sees what is
 * published about it — the draws it was drawn in, with why.
 */
@Controller
class PublicEntityController {

	private final DisclosureService disclosure;

	private final OrganizationService organization;

	private final ResultService results;

	private final NonRandomService nonRandom;

	PublicEntityController(DisclosureService disclosure, OrganizationService organization, ResultService results,
			NonRandomService nonRandom) {
		this.disclosure = disclosure;
		this.organization = organization;
		this.results = results;
		this.nonRandom = nonRandom;
	}

	@GetMapping("/public/entities")
	String search(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "page", required = false) Integer page, Model model) {
		model.addAttribute("q", (q != null) ? q : "");
		if (q != null) {
			try {
				var results = this.disclosure.entities(q, (page != null) ? page : 0);
				model.addAttribute("results", results);
				model.addAttribute("listUrl", "/public/entities?q=" + java.net.URLEncoder.encode(results.query().text(),
						java.nio.charset.StandardCharsets.UTF_8));
			}
			catch (DomainException ex) {
				model.addAttribute("queryError", ex);
			}
		}
		regions(model);
		return "disclosure/entities";
	}

	/** By registry id or by credit code. */
	@GetMapping("/public/entities/{id}")
	String entity(@PathVariable("id") String key, Model model) {
		PublicEntity entity = this.disclosure.entity(key);
		model.addAttribute("entity", entity);
		model.addAttribute("draws", this.disclosure.draws(entity));
		// 抽查检查结果信息: only published results, as the public result notices show them
		model.addAttribute("results", this.results.publishedForTarget(entity.id()));
		// 非随机检查 (重点监管, 个案, 专项检查): published ones, in their own table with their type, never as drawn
		model.addAttribute("otherResults", this.nonRandom.publishedForTarget(entity.id()));
		model.addAttribute("categoriesByCode", this.results.categories()
			.stream()
			.collect(Collectors.toMap(Terms.Term::code, Function.identity(), (a, b) -> a)));
		regions(model);
		return "disclosure/entity";
	}

	private void regions(Model model) {
		model.addAttribute("regionsByCode", this.organization.regions()
			.stream()
			.collect(Collectors.toMap(Region::getCode, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
	}

}
