package org.doublerandom.inspection.result.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doublerandom.inspection.result.NonRandomInspection;
import org.doublerandom.inspection.result.NonRandomRefs;
import org.doublerandom.inspection.result.NonRandomService;
import org.doublerandom.inspection.result.NonRandomType;
import org.doublerandom.inspection.result.Terms;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 非随机检查 (重点监管, 个案, 专项检查): the department's list with the form to record one, and its page with
 * the publish button. The service decides who may do what.
 */
@Controller
@RequestMapping("/results/other")
class NonRandomController {

	private final NonRandomService service;

	NonRandomController(NonRandomService service) {
		this.service = service;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", new NonRandomForm());
		return list(model, false);
	}

	@PostMapping
	String record(@ModelAttribute("form") NonRandomForm form, BindingResult binding, Model model) {
		if (!binding.hasErrors()) {
			try {
				NonRandomInspection saved = this.service.record(form.getTargetCode(), form.toEntry());
				return "redirect:/results/other/" + saved.getId() + "?saved";
			}
			catch (NotFoundException | NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		return list(model, true);
	}

	private String list(Model model, boolean formOpen) {
		model.addAttribute("lines", this.service.list());
		model.addAttribute("types", NonRandomType.values());
		model.addAttribute("items", this.service.items());
		model.addAttribute("categories", this.service.categories().stream().filter(Terms.Term::active).toList());
		model.addAttribute("categoriesByCode", categoriesByCode());
		model.addAttribute("formOpen", formOpen);
		return "result/other-list";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		NonRandomRefs.Line line = this.service.inspection(id);
		model.addAttribute("line", line);
		model.addAttribute("inspection", line.inspection());
		model.addAttribute("mayPublish", this.service.mayPublish(line.inspection()));
		model.addAttribute("categoriesByCode", categoriesByCode());
		return "result/other-detail";
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes flash) {
		FormErrors.step(flash, "nonRandom.published", () -> this.service.publish(id));
		return "redirect:/results/other/" + id;
	}

	private Map<String, Terms.Term> categoriesByCode() {
		return this.service.categories()
			.stream()
			.collect(Collectors.toMap(Terms.Term::code, Function.identity(), (a, b) -> a));
	}

}
