package org.doublerandom.inspection.item.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.item.BookletItemRef;
import org.doublerandom.inspection.item.InspectionItem;
import org.doublerandom.inspection.item.ItemBooklet;
import org.doublerandom.inspection.item.ItemBookletService;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 一业一册: every department reads the published booklets; the bureau compiles and publishes them. */
@Controller
class BookletController {

	/** GB/T 4754-2017 sections, labelled from the bundle (item.industry.*). */
	static final List<String> SECTIONS = "ABCDEFGHIJKLMNOPQRST".chars().mapToObj(c -> String.valueOf((char) c)).toList();

	private static final String VIEW_FORM = "item/booklet-form";

	private final ItemBookletService booklets;

	private final OrganizationService organization;

	private final AuditTrail audit;

	BookletController(ItemBookletService booklets, OrganizationService organization, AuditTrail audit) {
		this.booklets = booklets;
		this.organization = organization;
		this.audit = audit;
	}

	@ModelAttribute("departmentsById")
	Map<Long, Department> departmentsById() {
		return this.organization.departments()
			.stream()
			.collect(Collectors.toMap(Department::getId, Function.identity()));
	}

	@GetMapping("/items/booklets")
	String list(Model model) {
		model.addAttribute("booklets", this.booklets.booklets());
		model.addAttribute("mayCompile", this.booklets.mayCompile());
		return "item/booklets";
	}

	@GetMapping("/items/booklets/{id}")
	String show(@PathVariable Long id, Model model) {
		ItemBooklet booklet = this.booklets.booklet(id);
		model.addAttribute("booklet", booklet);
		model.addAttribute("entries", this.booklets.entries(booklet));
		model.addAttribute("mayCompile", this.booklets.mayCompile());
		model.addAttribute("events", this.audit.history("itemBooklet", id));
		return "item/booklet";
	}

	@GetMapping("/items/booklets/new")
	String newForm(Model model) {
		model.addAttribute("form", BookletForm.empty());
		return form(model, null);
	}

	@PostMapping("/items/booklets/new")
	String create(@Valid @ModelAttribute("form") BookletForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		String page = form(model, null);
		if (!result.hasErrors()) {
			try {
				ItemBooklet created = this.booklets.create(form.toDetails());
				flash.addFlashAttribute("message", "item.booklet.created");
				return "redirect:/items/booklets/" + created.getId();
			}
			catch (DomainException ex) {
				ItemRefusals.reject(result, ex);
			}
		}
		return page;
	}

	@GetMapping("/items/booklets/{id}/edit")
	String editForm(@PathVariable Long id, Model model) {
		ItemBooklet booklet = this.booklets.booklet(id);
		model.addAttribute("form", BookletForm.of(booklet));
		return form(model, booklet);
	}

	@PostMapping("/items/booklets/{id}/edit")
	String revise(@PathVariable Long id, @Valid @ModelAttribute("form") BookletForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		String page = form(model, this.booklets.booklet(id));
		if (!result.hasErrors()) {
			try {
				this.booklets.revise(id, form.toDetails());
				flash.addFlashAttribute("message", "item.booklet.saved");
				return "redirect:/items/booklets/" + id;
			}
			catch (DomainException ex) {
				ItemRefusals.reject(result, ex);
			}
		}
		return page;
	}

	@PostMapping("/items/booklets/{id}/publish")
	String publish(@PathVariable Long id, RedirectAttributes flash) {
		try {
			this.booklets.publish(id);
			flash.addFlashAttribute("message", "item.booklet.published");
		}
		catch (DomainException ex) {
			ItemRefusals.rethrowAccess(ex);
			flash.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/items/booklets/" + id;
	}

	/** An item a booklet may gather, with its form value. */
	record Candidate(String key, InspectionItem item) {
	}

	/** The candidates are read for compilers only, so the form itself refuses everyone else. */
	private String form(Model model, ItemBooklet booklet) {
		model.addAttribute("booklet", booklet);
		model.addAttribute("candidates", this.booklets.candidates()
			.stream()
			.map(item -> new Candidate(BookletItemRef.of(item).key(), item))
			.toList());
		model.addAttribute("sections", SECTIONS);
		return VIEW_FORM;
	}

}
