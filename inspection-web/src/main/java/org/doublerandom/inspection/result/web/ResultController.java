package org.doublerandom.inspection.result.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.result.Attachment;
import org.doublerandom.inspection.result.FollowUpKind;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.result.InspectionResult;
import org.doublerandom.inspection.result.ResultAccess;
import org.doublerandom.inspection.result.ResultService;
import org.doublerandom.inspection.result.ResultState;
import org.doublerandom.inspection.result.WorkRow;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.result.Terms;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 结果录入与审核: the entry form of a department's result for a drawn target, its page with the review steps,
 * attachments and follow-ups. The service decides who may do what; refusals land at their field or as a
 * message on the result's page.
 */
@Controller
@RequestMapping("/results")
class ResultController {

	private final ResultService results;

	private final OrganizationService organization;

	private final CurrentActor actor;

	ResultController(ResultService results, OrganizationService organization, CurrentActor actor) {
		this.results = results;
		this.organization = organization;
		this.actor = actor;
	}

	@GetMapping("/new")
	String newForm(@RequestParam long task, @RequestParam long target, @RequestParam long department, Model model) {
		WorkRow row = this.results.assignment(task, target, department);
		var existing = this.results.existing(task, target, department);
		if (existing.isPresent()) {
			return "redirect:/results/" + existing.get().getId() + "/edit";
		}
		if (!ResultAccess.mayRecord(this.actor.get(), department)) {
			throw new NotPermittedException("result.record");
		}
		model.addAttribute("form", ResultForm.blank(row));
		return form(row, null, model);
	}

	@PostMapping("/new")
	String create(@RequestParam long task, @RequestParam long target, @RequestParam long department,
			@ModelAttribute("form") ResultForm form, BindingResult binding, Model model) {
		WorkRow row = this.results.assignment(task, target, department);
		if (!binding.hasErrors()) {
			try {
				InspectionResult saved = this.results.record(task, target, department, form.toEntry());
				return "redirect:/results/" + saved.getId() + "?saved";
			}
			catch (NotFoundException | NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		return form(row, null, model);
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model, RedirectAttributes flash) {
		InspectionResult result = this.results.result(id);
		if (!result.getState().editable() || !ResultAccess.mayRecord(this.actor.get(), result.getDepartmentId())) {
			flash.addFlashAttribute("refusal", "result.refused.edit");
			flash.addFlashAttribute("refusalArgs", new Object[] { stateLabel(result.getState()) });
			return "redirect:/results/" + id;
		}
		model.addAttribute("form", ResultForm.of(result));
		return form(this.results.rowOf(result), result, model);
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") ResultForm form, BindingResult binding, Model model) {
		InspectionResult result = this.results.result(id);
		if (!binding.hasErrors()) {
			try {
				this.results.correct(id, form.toEntry());
				return "redirect:/results/" + id + "?saved";
			}
			catch (NotFoundException | NotPermittedException ex) {
				throw ex;
			}
			catch (DomainException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		return form(this.results.rowOf(result), result, model);
	}

	private String form(WorkRow row, InspectionResult result, Model model) {
		model.addAttribute("row", row);
		model.addAttribute("result", result);
		model.addAttribute("methods", InspectionMethod.values());
		model.addAttribute("categories", this.results.categories().stream().filter(Terms.Term::active).toList());
		model.addAttribute("measures", this.results.measures().stream().filter(Terms.Term::active).toList());
		model.addAttribute("deadlineDays", this.results.deadlinePolicy().workingDays());
		model.addAttribute("startDayCounts", this.results.deadlinePolicy().startDayCounts());
		model.addAttribute("today", this.results.today());
		return "result/form";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		InspectionResult result = this.results.result(id);
		WorkRow row = this.results.rowOf(result);
		var me = this.actor.get();
		model.addAttribute("result", result);
		model.addAttribute("row", row);
		model.addAttribute("attachments", this.results.attachments(id));
		model.addAttribute("followUps", this.results.followUps(id));
		model.addAttribute("mayRecord", ResultAccess.mayRecord(me, result.getDepartmentId()));
		model.addAttribute("mayReview", ResultAccess.mayReview(me, result.getDepartmentId(), result.submittedBy()));
		model.addAttribute("late", result.getDeadline() != null && this.results.today().isAfter(result.getDeadline()));
		model.addAttribute("missingYears", (result.getInspectionDate() != null)
				? this.results.missingYearsFor(result.getInspectionDate()) : java.util.List.of());
		model.addAttribute("maxMegabytes", this.results.attachmentMaxBytes() / (1024 * 1024));
		model.addAttribute("followUpKinds", FollowUpKind.values());
		model.addAttribute("today", this.results.today());
		vocabularies(model);
		departments(model);
		return "result/detail";
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable long id, @RequestParam(required = false) String lateReason, RedirectAttributes flash) {
		FormErrors.step(flash, "result.submitted", () -> this.results.submit(id, lateReason));
		return "redirect:/results/" + id;
	}

	@PostMapping("/{id}/return")
	String sendBack(@PathVariable long id, @RequestParam(required = false) String opinion, RedirectAttributes flash) {
		FormErrors.step(flash, "result.returned", () -> this.results.sendBack(id, opinion));
		return "redirect:/results/" + id;
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String opinion, RedirectAttributes flash) {
		FormErrors.step(flash, "result.rejected", () -> this.results.reject(id, opinion));
		return "redirect:/results/" + id;
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable long id, @RequestParam(required = false) String opinion, RedirectAttributes flash) {
		FormErrors.step(flash, "result.published", () -> this.results.publish(id, opinion));
		return "redirect:/results/" + id;
	}

	@PostMapping("/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash) throws IOException {
		byte[] content = (file != null) ? file.getBytes() : new byte[0];
		String name = (file != null) ? file.getOriginalFilename() : null;
		FormErrors.step(flash, "result.attached", () -> this.results.attach(id, name, content));
		return "redirect:/results/" + id + "#attachments";
	}

	@GetMapping("/attachments/{id}")
	ResponseEntity<byte[]> download(@PathVariable long id) {
		ResultService.Download download = this.results.download(id);
		Attachment a = download.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-SHA256", a.sha256())
			.header("X-Content-Type-Options", "nosniff")
			.body(download.content());
	}

	@PostMapping("/attachments/{id}/delete")
	String detach(@PathVariable long id, RedirectAttributes flash) {
		long resultId = this.results.download(id).attachment().resultId();
		FormErrors.step(flash, "result.detached", () -> this.results.detach(id));
		return "redirect:/results/" + resultId + "#attachments";
	}

	@PostMapping("/{id}/follow-ups")
	String openFollowUp(@PathVariable long id, @ModelAttribute FollowUpForm form, RedirectAttributes flash) {
		FormErrors.step(flash, "followUp.opened", () -> this.results.openFollowUp(id, form.kind(), form.description(),
				form.receivingDepartmentId(), form.receivingBody()));
		return "redirect:/results/" + id + "#follow-ups";
	}

	@PostMapping("/follow-ups/{id}/close")
	String closeFollowUp(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closedOn,
			@RequestParam(required = false) String closingNote, RedirectAttributes flash) {
		InspectionResult result = this.results.receivedResult(id);
		FormErrors.step(flash, "followUp.closed", () -> this.results.closeFollowUp(id, closedOn, closingNote));
		return "redirect:/results/" + result.getId() + "#follow-ups";
	}

	/** 抄告/移送 received by the actor's department. */
	@GetMapping("/received")
	String received(Model model) {
		model.addAttribute("followUps", this.results.received());
		departments(model);
		return "result/received";
	}

	private void vocabularies(Model model) {
		model.addAttribute("categoriesByCode", byCode(this.results.categories()));
		model.addAttribute("measuresByCode", byCode(this.results.measures()));
	}

	static Map<String, Terms.Term> byCode(java.util.List<Terms.Term> terms) {
		return terms.stream()
			.collect(Collectors.toMap(Terms.Term::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	private void departments(Model model) {
		model.addAttribute("departmentsById", this.organization.departments().stream()
			.collect(Collectors.toMap(Department::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
	}

	private static String stateLabel(ResultState state) {
		return Arrays.stream(ResultState.values()).filter(s -> s == state).findFirst().map(Enum::name).orElse("");
	}

}
