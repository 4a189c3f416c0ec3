package org.doublerandom.inspection.target.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.organization.Region;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.target.CreditClass;
import org.doublerandom.inspection.target.IndustryDivision;
import org.doublerandom.inspection.target.IndustrySection;
import org.doublerandom.inspection.target.Target;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.target.TargetQuery;
import org.doublerandom.inspection.target.TargetService;
import org.doublerandom.inspection.target.TargetStatus;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 检查对象名录库: list, detail, create, edit, and the department links of targets. */
@Controller
@RequestMapping("/registry/targets")
class TargetController {

	static final String PATH = "/registry/targets";

	private static final String VIEW_LIST = "target/list";

	private static final String VIEW_FORM = "target/form";

	private final TargetService targets;

	private final OrganizationService organization;

	TargetController(TargetService targets, OrganizationService organization) {
		this.targets = targets;
		this.organization = organization;
	}

	@GetMapping
	String list(@ModelAttribute("filter") TargetFilter filter, BindingResult bindingErrors,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		// the form offers only valid choices: a value it cannot bind came from an edited address (400, not 500)
		FormErrors.refuseUnboundFilter(bindingErrors);
		model.addAttribute("result", this.targets.search(filter.toQuery(), filter.pageOrFirst(), filter.sizeOrDefault()));
		model.addAttribute("listUrl", filter.url(PATH));
		model.addAttribute("exportXlsx", filter.url(PATH + "/export.xlsx"));
		model.addAttribute("exportCsv", filter.url(PATH + "/export.csv"));
		referenceData(model);
		// htmx asks for the results only: the filter form stays as the user left it
		return (htmx != null) ? VIEW_LIST + " :: results" : VIEW_LIST;
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", TargetForm.empty());
		referenceData(model);
		return VIEW_FORM;
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") TargetForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				Target created = this.targets.create(form.toData());
				flash.addFlashAttribute("message", "target.created");
				return "redirect:" + PATH + "/" + created.getId();
			}
			catch (NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
				if ("target.code.exists".equals(ex.messageKey())) {
					model.addAttribute("existingId", ex.arguments()[1]);
				}
			}
		}
		referenceData(model);
		return VIEW_FORM;
	}

	@GetMapping("/{id}")
	String detail(@PathVariable Long id, Model model) {
		Target target = this.targets.target(id);
		model.addAttribute("target", target);
		model.addAttribute("mayChange", this.targets.mayChange(target));
		model.addAttribute("history", this.targets.history(id));
		model.addAttribute("lastInspections", this.targets.lastInspections(id));
		model.addAttribute("licenceForm", LicenceForm.empty());
		referenceData(model);
		return "target/detail";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable Long id, Model model) {
		Target target = this.targets.target(id);
		if (!this.targets.mayChange(target)) {
			throw new NotFoundException("target", id);
		}
		model.addAttribute("form", TargetForm.of(target));
		model.addAttribute("target", target);
		referenceData(model);
		return VIEW_FORM;
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable Long id, @ModelAttribute("form") TargetForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				this.targets.update(id, form.toData());
				flash.addFlashAttribute("message", "target.saved");
				return "redirect:" + PATH + "/" + id;
			}
			catch (NotFoundException | NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		model.addAttribute("target", this.targets.target(id));
		referenceData(model);
		return VIEW_FORM;
	}

	@PostMapping("/{id}/link")
	String link(@PathVariable Long id, RedirectAttributes flash) {
		this.targets.linkToMyDepartment(id);
		flash.addFlashAttribute("message", "target.linked");
		return "redirect:" + PATH + "/" + id;
	}

	@PostMapping("/{id}/unlink")
	String unlink(@PathVariable Long id, RedirectAttributes flash) {
		this.targets.unlinkFromMyDepartment(id);
		flash.addFlashAttribute("message", "target.unlinked");
		return "redirect:" + PATH;
	}

	@PostMapping("/{id}/licences")
	String addLicence(@PathVariable Long id, @ModelAttribute("licenceForm") LicenceForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				this.targets.addLicence(id, form.toLicence());
				flash.addFlashAttribute("message", "target.licence.added");
				return "redirect:" + PATH + "/" + id + "#licences";
			}
			catch (NotFoundException | NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		Target target = this.targets.target(id);
		model.addAttribute("target", target);
		model.addAttribute("mayChange", this.targets.mayChange(target));
		model.addAttribute("history", this.targets.history(id));
		model.addAttribute("lastInspections", this.targets.lastInspections(id));
		referenceData(model);
		return "target/detail";
	}

	@PostMapping("/{id}/licences/{index}/remove")
	String removeLicence(@PathVariable Long id, @PathVariable int index, RedirectAttributes flash) {
		this.targets.removeLicence(id, index);
		flash.addFlashAttribute("message", "target.licence.removed");
		return "redirect:" + PATH + "/" + id + "#licences";
	}

	private void referenceData(Model model) {
		List<Region> regions = this.organization.regions();
		List<IndustrySection> sections = this.targets.sections();
		List<IndustryDivision> divisions = this.targets.divisions();
		model.addAttribute("kinds", TargetKind.values());
		model.addAttribute("statuses", TargetStatus.values());
		model.addAttribute("creditClasses", CreditClass.values());
		model.addAttribute("sorts", TargetQuery.Sort.values());
		model.addAttribute("regions", regions);
		model.addAttribute("regionsByCode", byKey(regions, Region::getCode));
		model.addAttribute("sections", sections);
		model.addAttribute("sectionsByCode", byKey(sections, IndustrySection::getCode));
		model.addAttribute("divisions", divisions);
		model.addAttribute("divisionsByCode", byKey(divisions, IndustryDivision::getCode));
		model.addAttribute("departmentsById", byKey(this.organization.departments(), Department::getId));
	}

	private static <K, V> Map<K, V> byKey(List<V> values, Function<V, K> key) {
		return values.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}


}
