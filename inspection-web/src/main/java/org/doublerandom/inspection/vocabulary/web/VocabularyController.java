package org.doublerandom.inspection.vocabulary.web;

import jakarta.validation.Valid;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.target.CreditClass;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.vocabulary.DictionaryKind;
import org.doublerandom.inspection.vocabulary.VocabularyService;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 字典: the controlled vocabularies; the bureau rewords or retires result categories and follow-up measures. */
@Controller
class VocabularyController {

	private static final String VIEW_FORM = "vocabulary/edit";

	private final VocabularyService vocabulary;

	VocabularyController(VocabularyService vocabulary) {
		this.vocabulary = vocabulary;
	}

	@GetMapping("/vocabulary")
	String list(Model model) {
		model.addAttribute("targetKinds", TargetKind.values());
		model.addAttribute("creditClasses", CreditClass.values());
		model.addAttribute("methods", InspectionMethod.values());
		model.addAttribute("resultCategories", this.vocabulary.entries(DictionaryKind.RESULT_CATEGORY));
		model.addAttribute("followUpMeasures", this.vocabulary.entries(DictionaryKind.FOLLOW_UP_MEASURE));
		return "vocabulary/list";
	}

	@GetMapping("/vocabulary/{id}/edit")
	String edit(@PathVariable Long id, Model model) {
		var entry = this.vocabulary.entry(id);
		model.addAttribute("entry", entry);
		model.addAttribute("form", new DictionaryEntryForm(entry.getNameZh(), entry.getNameEn(), entry.isActive()));
		return VIEW_FORM;
	}

	@PostMapping("/vocabulary/{id}/edit")
	String save(@PathVariable Long id, @Valid @ModelAttribute("form") DictionaryEntryForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				this.vocabulary.relabel(id, form.nameZh(), form.nameEn(), form.active());
				flash.addFlashAttribute("message", "dictionary.saved");
				return "redirect:/vocabulary";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		model.addAttribute("entry", this.vocabulary.entry(id));
		return VIEW_FORM;
	}

}
