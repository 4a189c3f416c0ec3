package org.doublerandom.inspection.inspector.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.doublerandom.inspection.account.AccountService;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.inspector.CertificateFilter;
import org.doublerandom.inspection.inspector.CertificateKind;
import org.doublerandom.inspection.inspector.InspectorDetail;
import org.doublerandom.inspection.inspector.InspectorKind;
import org.doublerandom.inspection.inspector.InspectorService;
import org.doublerandom.inspection.inspector.InspectorStatus;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.organization.Region;
import org.doublerandom.inspection.shared.CurrentActor;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 执法检查人员名录库: the list with filters (htmx swaps only the results), the detail page with certificates,
 * items, conflicts (回避) and history, and the forms. The service applies the department scope again.
 */
@Controller
class InspectorController {

	static final int PAGE_SIZE = 20;

	private static final String VIEW_LIST = "inspector/list";

	private static final String VIEW_RESULTS = "inspector/list :: results";

	private static final String VIEW_DETAIL = "inspector/detail";

	private static final String VIEW_FORM = "inspector/form";

	private static final String BASE = "/registry/inspectors";

	private final InspectorService inspectors;

	private final OrganizationService organization;

	private final AccountService accounts;

	private final AuditTrail audit;

	private final CurrentActor actor;

	private final Clock clock;

	InspectorController(InspectorService inspectors, OrganizationService organization, AccountService accounts,
			AuditTrail audit, CurrentActor actor, Clock clock) {
		this.clock = clock;
		this.inspectors = inspectors;
		this.organization = organization;
		this.accounts = accounts;
		this.audit = audit;
		this.actor = actor;
	}

	/** htmx asks for the results table only; a history restore or a plain link gets the whole page. */
	@GetMapping(BASE)
	String list(@ModelAttribute("filter") InspectorFilter filter,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) String restore, Model model,
			HttpServletResponse response) {
		model.addAttribute("inspectors", this.inspectors.search(filter.toSearch(), filter.pageNumber(), PAGE_SIZE,
				filter.sortKey(), filter.descending()));
		model.addAttribute("pageUrl", filter.pageUrl());
		model.addAttribute("sortUrls", filter.sortUrls());
		model.addAttribute("exportXlsx", filter.exportUrl("xlsx"));
		model.addAttribute("exportCsv", filter.exportUrl("csv"));
		model.addAttribute("mayCreate", this.inspectors.mayCreate());
		model.addAttribute("kinds", InspectorKind.values());
		model.addAttribute("statuses", InspectorStatus.values());
		model.addAttribute("certificateFilters", CertificateFilter.values());
		addReferenceData(model);
		response.addHeader("Vary", "HX-Request");
		return (htmx != null && restore == null) ? VIEW_RESULTS : VIEW_LIST;
	}

	@GetMapping(BASE + "/new")
	String newForm(Model model) {
		if (!this.inspectors.mayCreate()) {
			throw new NotPermittedException("inspector.create");
		}
		var mine = this.organization.department(this.actor.get().departmentId());
		model.addAttribute("inspectorForm", InspectorForm.empty(mine.getRegionCode()));
		return form(model, null);
	}

	@PostMapping(BASE + "/new")
	String create(@Valid @ModelAttribute("inspectorForm") InspectorForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				var created = this.inspectors.create(form.toCommand());
				flash.addFlashAttribute("message", "inspector.created");
				return "redirect:" + BASE + "/" + created.getId();
			}
			catch (NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		return form(model, null);
	}

	@GetMapping(BASE + "/{id}")
	String detail(@PathVariable Long id, Model model) {
		model.addAttribute("certificateForm", CertificateForm.empty());
		model.addAttribute("itemForm", ItemForm.empty());
		model.addAttribute("conflictForm", ConflictForm.empty());
		return detailPage(id, model);
	}

	@GetMapping(BASE + "/{id}/edit")
	String editForm(@PathVariable Long id, Model model) {
		InspectorDetail detail = this.inspectors.detail(id);
		if (!detail.changeable()) {
			throw new NotPermittedException("inspector.edit");
		}
		model.addAttribute("inspectorForm", InspectorForm.of(detail));
		return form(model, detail);
	}

	@PostMapping(BASE + "/{id}/edit")
	String update(@PathVariable Long id, @Valid @ModelAttribute("inspectorForm") InspectorForm form,
			BindingResult result, Model model, RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				this.inspectors.update(id, (form.version() != null) ? form.version() : -1, form.toCommand());
				flash.addFlashAttribute("message", "inspector.saved");
				return "redirect:" + BASE + "/" + id;
			}
			catch (NotFoundException | NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		return form(model, this.inspectors.detail(id));
	}

	@PostMapping(BASE + "/{id}/certificates")
	String addCertificate(@PathVariable Long id, @Valid @ModelAttribute("certificateForm") CertificateForm form,
			BindingResult result, Model model, RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				this.inspectors.addCertificate(id, form.toCommand());
				flash.addFlashAttribute("message", "inspector.certificate.added");
				return "redirect:" + BASE + "/" + id + "#certificates";
			}
			catch (NotFoundException | NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		model.addAttribute("itemForm", ItemForm.empty());
		model.addAttribute("conflictForm", ConflictForm.empty());
		return detailPage(id, model);
	}

	@PostMapping(BASE + "/{id}/certificates/remove")
	String removeCertificate(@PathVariable Long id, @RequestParam(required = false) Long certificateId,
			RedirectAttributes flash) {
		return change(id, flash, "inspector.certificate.removed", "#certificates",
				() -> this.inspectors.removeCertificate(id, certificateId));
	}

	@PostMapping(BASE + "/{id}/items")
	String addItems(@PathVariable Long id, @Valid @ModelAttribute("itemForm") ItemForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				var added = this.inspectors.addItems(id, form.codes());
				flash.addFlashAttribute("message", added.isEmpty() ? "inspector.item.nothingNew" : "inspector.item.added");
				return "redirect:" + BASE + "/" + id + "#items";
			}
			catch (NotFoundException | NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		model.addAttribute("certificateForm", CertificateForm.empty());
		model.addAttribute("conflictForm", ConflictForm.empty());
		return detailPage(id, model);
	}

	@PostMapping(BASE + "/{id}/items/remove")
	String removeItem(@PathVariable Long id, @RequestParam(required = false) String code, RedirectAttributes flash) {
		return change(id, flash, "inspector.item.removed", "#items", () -> this.inspectors.removeItem(id, code));
	}

	@PostMapping(BASE + "/{id}/conflicts")
	String declareConflict(@PathVariable Long id, @Valid @ModelAttribute("conflictForm") ConflictForm form,
			BindingResult result, Model model, RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				this.inspectors.declareConflict(id, form.targetCode(), form.reason());
				flash.addFlashAttribute("message", "inspector.conflict.declared");
				return "redirect:" + BASE + "/" + id + "#conflicts";
			}
			catch (NotFoundException | NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		model.addAttribute("certificateForm", CertificateForm.empty());
		model.addAttribute("itemForm", ItemForm.empty());
		return detailPage(id, model);
	}

	@PostMapping(BASE + "/{id}/conflicts/remove")
	String withdrawConflict(@PathVariable Long id, @RequestParam(required = false) Long conflictId,
			RedirectAttributes flash) {
		return change(id, flash, "inspector.conflict.withdrawn", "#conflicts",
				() -> this.inspectors.withdrawConflict(id, conflictId));
	}

	/** A one-click change: success and refusal both return to the detail page with a flash message. */
	private String change(Long id, RedirectAttributes flash, String done, String anchor, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("message", done);
		}
		catch (NotFoundException | NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:" + BASE + "/" + id + anchor;
	}

	private String detailPage(Long id, Model model) {
		InspectorDetail detail = this.inspectors.detail(id);
		model.addAttribute("detail", detail);
		model.addAttribute("history", this.audit.history("inspector", id));
		model.addAttribute("certificateKinds", CertificateKind.values());
		model.addAttribute("today", LocalDate.now(this.clock));
		if (detail.inspector().getUserAccountId() != null && detail.changeable()) {
			model.addAttribute("linkedAccount", this.accounts.colleagues()
				.stream()
				.filter(a -> a.getId().equals(detail.inspector().getUserAccountId()))
				.findFirst()
				.orElse(null));
		}
		addReferenceData(model);
		return VIEW_DETAIL;
	}

	private String form(Model model, InspectorDetail editing) {
		model.addAttribute("editing", editing);
		model.addAttribute("kinds", InspectorKind.values());
		model.addAttribute("statuses", InspectorStatus.values());
		model.addAttribute("colleagues", this.accounts.colleagues());
		addReferenceData(model);
		return VIEW_FORM;
	}

	private void addReferenceData(Model model) {
		model.addAttribute("regions", this.organization.regions());
		model.addAttribute("regionsByCode",
				this.organization.regions().stream().collect(Collectors.toMap(Region::getCode, Function.identity())));
		Map<Long, Department> departments = this.organization.departments()
			.stream()
			.collect(Collectors.toMap(Department::getId, Function.identity()));
		model.addAttribute("departmentsById", departments);
		model.addAttribute("departments", this.organization.departments());
	}

}
