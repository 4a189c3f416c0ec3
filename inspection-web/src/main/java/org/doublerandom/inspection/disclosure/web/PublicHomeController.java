package org.doublerandom.inspection.disclosure.web;

import java.util.function.Function;
import java.util.stream.Collectors;

import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.organization.Region;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 一公开: the public site's front page, readable without an account. */
@Controller
class PublicHomeController {

	private final OrganizationService organization;

	PublicHomeController(OrganizationService organization) {
		this.organization = organization;
	}

	@GetMapping("/")
	String root() {
		return "redirect:/public";
	}

	@GetMapping("/public")
	String home(Model model) {
		var regions = this.organization.regions();
		model.addAttribute("regions", regions);
		model.addAttribute("regionsByCode",
				regions.stream().collect(Collectors.toMap(Region::getCode, Function.identity())));
		model.addAttribute("departments",
				this.organization.departments().stream().filter(d -> d.isActive() && d.isEnforcing()).toList());
		return "public/index";
	}

}
