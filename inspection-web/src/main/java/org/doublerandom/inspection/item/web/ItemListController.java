package org.doublerandom.inspection.item.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.calendar.WorkingDays;
import org.doublerandom.inspection.item.InspectionItem;
import org.doublerandom.inspection.item.ItemCategory;
import org.doublerandom.inspection.item.ItemList;
import org.doublerandom.inspection.item.ItemListService;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.target.TargetKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 抽查事项清单: the lists a user may read, one version with its work rules (工作细则) and items, and the
 * revision of a draft up to its publication.
 */
@Controller
class ItemListController {

	private static final String VIEW_OVERVIEW = "item/lists";

	private static final String VIEW_RULES = "item/rules";

	private static final String VIEW_ITEM_FORM = "item/item-form";

	private final ItemListService items;

	private final OrganizationService organization;

	private final WorkingDays workingDays;

	private final AuditTrail audit;

	ItemListController(ItemListService items, OrganizationService organization, WorkingDays workingDays,
			AuditTrail audit) {
		this.items = items;
		this.organization = organization;
		this.workingDays = workingDays;
		this.audit = audit;
	}

	@ModelAttribute("departmentsById")
	Map<Long, Department> departmentsById() {
		return this.organization.departments()
			.stream()
			.collect(Collectors.toMap(Department::getId, Function.identity()));
	}

	@GetMapping("/items")
	String overview(Model model) {
		model.addAttribute("startForm", StartDraftForm.empty());
		return overviewPage(model);
	}

	@PostMapping("/items/drafts")
	String startDraft(@Valid @ModelAttribute("startForm") StartDraftForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				ItemList draft = this.items.startDraft(form.forJointList(), form.changeNote());
				flash.addFlashAttribute("message", "item.list.started");
				return "redirect:/items/lists/" + draft.getId();
			}
			catch (DomainException ex) {
				ItemRefusals.reject(result, ex);
			}
		}
		return overviewPage(model);
	}

	@GetMapping("/items/lists/{id}")
	String list(@PathVariable Long id, Model model) {
		ItemList list = this.items.list(id);
		model.addAttribute("list", list);
		model.addAttribute("summary", this.items.summary(list));
		model.addAttribute("versions", this.items.versions(list));
		model.addAttribute("mayEdit", this.items.mayEdit(list));
		model.addAttribute("mayPublish", this.items.mayPublish(list));
		model.addAttribute("events", this.audit.history("itemList", id));
		model.addAttribute("draftLimit", ItemListService.DRAFT_WORKING_DAYS);
		return "item/list";
	}

	@GetMapping("/items/lists/{id}/rules")
	String rulesForm(@PathVariable Long id, Model model) {
		ItemList list = this.items.draftForEditing(id);
		model.addAttribute("list", list);
		model.addAttribute("form", WorkRulesForm.of(list.getRules()));
		return VIEW_RULES;
	}

	@PostMapping("/items/lists/{id}/rules")
	String reviseRules(@PathVariable Long id, @Valid @ModelAttribute("form") WorkRulesForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		model.addAttribute("list", this.items.draftForEditing(id));
		if (!result.hasErrors()) {
			try {
				this.items.reviseRules(id, form.toRules());
				flash.addFlashAttribute("message", "item.rules.saved");
				return "redirect:/items/lists/" + id;
			}
			catch (DomainException ex) {
				ItemRefusals.reject(result, ex);
			}
		}
		return VIEW_RULES;
	}

	/** Refusals of a rule (no items yet, rules incomplete, no longer a draft) come back as a message. */
	@PostMapping("/items/lists/{id}/publish")
	String publish(@PathVariable Long id, RedirectAttributes flash) {
		try {
			this.items.publish(id);
			flash.addFlashAttribute("message", "item.list.published");
		}
		catch (DomainException ex) {
			ItemRefusals.rethrowAccess(ex);
			flash.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/items/lists/" + id;
	}

	@GetMapping("/items/lists/{id}/items/new")
	String newItem(@PathVariable Long id, Model model) {
		ItemList list = this.items.draftForEditing(id);
		model.addAttribute("form", ItemForm.empty((list.getItems().size() + 1) * 10));
		return itemForm(model, list, null);
	}

	@PostMapping("/items/lists/{id}/items/new")
	String addItem(@PathVariable Long id, @Valid @ModelAttribute("form") ItemForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		ItemList list = this.items.draftForEditing(id);
		if (!result.hasErrors()) {
			try {
				this.items.addItem(id, form.toDetails());
				flash.addFlashAttribute("message", "item.added");
				return "redirect:/items/lists/" + id;
			}
			catch (DomainException ex) {
				ItemRefusals.reject(result, ex);
			}
		}
		return itemForm(model, list, null);
	}

	@GetMapping("/items/entries/{id}")
	String item(@PathVariable Long id, Model model) {
		InspectionItem item = this.items.item(id);
		model.addAttribute("item", item);
		model.addAttribute("list", item.getList());
		model.addAttribute("mayEdit", this.items.mayEdit(item.getList()));
		return "item/item";
	}

	@GetMapping("/items/entries/{id}/edit")
	String editItem(@PathVariable Long id, Model model) {
		InspectionItem item = this.items.itemForEditing(id);
		model.addAttribute("form", ItemForm.of(item));
		return itemForm(model, item.getList(), item);
	}

	@PostMapping("/items/entries/{id}/edit")
	String changeItem(@PathVariable Long id, @Valid @ModelAttribute("form") ItemForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		InspectionItem item = this.items.itemForEditing(id);
		Long listId = item.getList().getId();
		if (!result.hasErrors()) {
			try {
				this.items.changeItem(id, form.toDetails());
				flash.addFlashAttribute("message", "item.changed");
				return "redirect:/items/lists/" + listId;
			}
			catch (DomainException ex) {
				ItemRefusals.reject(result, ex);
			}
		}
		return itemForm(model, item.getList(), item);
	}

	@PostMapping("/items/entries/{id}/delete")
	String removeItem(@PathVariable Long id, RedirectAttributes flash) {
		Long listId = this.items.item(id).getList().getId();
		try {
			this.items.removeItem(id);
			flash.addFlashAttribute("message", "item.removed");
		}
		catch (DomainException ex) {
			ItemRefusals.rethrowAccess(ex);
			flash.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/items/lists/" + listId;
	}

	private String overviewPage(Model model) {
		model.addAttribute("summaries", this.items.overview());
		model.addAttribute("mayStartDepartmentDraft", this.items.mayStartDraft(false));
		model.addAttribute("mayStartJointDraft", this.items.mayStartDraft(true));
		model.addAttribute("missingYears", this.workingDays.missingYears());
		model.addAttribute("draftLimit", ItemListService.DRAFT_WORKING_DAYS);
		return VIEW_OVERVIEW;
	}

	private String itemForm(Model model, ItemList list, InspectionItem item) {
		model.addAttribute("list", list);
		model.addAttribute("item", item);
		model.addAttribute("categories", ItemCategory.values());
		model.addAttribute("targetKinds", TargetKind.values());
		model.addAttribute("methods", InspectionMethod.values());
		return VIEW_ITEM_FORM;
	}

}
