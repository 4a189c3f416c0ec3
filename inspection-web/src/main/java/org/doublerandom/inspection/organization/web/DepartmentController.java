package org.doublerandom.inspection.organization.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.organization.Region;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 部门名录 for staff, and adding a (banner/district) department for the system administrator. */
@Controller
class DepartmentController {

	private static final String VIEW_LIST = "organization/departments";

	private static final String VIEW_FORM = "organization/form";

	private final OrganizationService organization;

	DepartmentController(OrganizationService organization) {
		this.organization = organization;
	}

	@GetMapping("/organization/departments")
	String list(Model model) {
		model.addAttribute("departments", this.organization.departments());
		model.addAttribute("regionsByCode", regionsByCode());
		return VIEW_LIST;
	}

	@GetMapping("/admin/departments/new")
	String newForm(Model model) {
		model.addAttribute("form", NewDepartmentForm.empty());
		model.addAttribute("regions", this.organization.regions());
		return VIEW_FORM;
	}

	@PostMapping("/admin/departments/new")
	String create(@Valid @ModelAttribute("form") NewDepartmentForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				this.organization.addDepartment(form.toCommand());
				flash.addFlashAttribute("message", "department.created");
				return "redirect:/organization/departments";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		model.addAttribute("regions", this.organization.regions());
		return VIEW_FORM;
	}

	private Map<String, Region> regionsByCode() {
		return this.organization.regions().stream().collect(Collectors.toMap(Region::getCode, Function.identity()));
	}

}
