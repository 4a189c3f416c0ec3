package org.doublerandom.inspection.disclosure.web;

import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doublerandom.inspection.disclosure.DisclosureService;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 抽查事项清单: the items of every list version in force, by department, on the public site. */
@Controller
class PublicItemController {

	static final int PAGE_SIZE = 50;

	private final DisclosureService disclosure;

	private final OrganizationService organization;

	PublicItemController(DisclosureService disclosure, OrganizationService organization) {
		this.disclosure = disclosure;
		this.organization = organization;
	}

	/** {@code all}: every item on one page, for printing the whole list. */
	@GetMapping("/public/items")
	String items(@RequestParam(name = "department", required = false) Long department,
			@RequestParam(name = "page", required = false) Integer page,
			@RequestParam(name = "all", required = false) Boolean all, Model model) {
		boolean whole = Boolean.TRUE.equals(all);
		model.addAttribute("result", this.disclosure.items(department, whole ? 0 : (page != null) ? page : 0,
				whole ? Integer.MAX_VALUE / 2 : PAGE_SIZE));
		model.addAttribute("department", department);
		model.addAttribute("all", whole);
		model.addAttribute("listUrl", (department != null) ? "/public/items?department=" + department : "/public/items");
		model.addAttribute("printUrl",
				(department != null) ? "/public/items?all=true&department=" + department : "/public/items?all=true");
		model.addAttribute("departments", this.disclosure.itemDepartments());
		model.addAttribute("departmentsById", this.organization.departments()
			.stream()
			.collect(Collectors.toMap(Department::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
		return "disclosure/items";
	}

}
