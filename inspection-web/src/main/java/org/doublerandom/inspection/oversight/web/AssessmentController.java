package org.doublerandom.inspection.oversight.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.document.web.PdfDocuments;
import org.doublerandom.inspection.oversight.Assessment;
import org.doublerandom.inspection.oversight.AssessmentService;
import org.doublerandom.inspection.oversight.DashboardService;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * 考核: the form, the assessment on screen once department and period are valid, and the same assessment as
 * XLSX and as a printable PDF. Bad dates come back at their field.
 */
@Controller
class AssessmentController {

	private final AssessmentService assessments;

	private final DashboardService dashboards;

	private final MessageSource messages;

	private final Clock clock;

	private final PdfDocuments pdf;

	AssessmentController(AssessmentService assessments, DashboardService dashboards, MessageSource messages, Clock clock,
			PdfDocuments pdf) {
		this.assessments = assessments;
		this.dashboards = dashboards;
		this.messages = messages;
		this.clock = clock;
		this.pdf = pdf;
	}

	@GetMapping("/oversight/assessment")
	String assessment(@ModelAttribute("assessmentForm") AssessmentForm form, BindingResult errors, Model model) {
		model.addAttribute("departments", this.dashboards.departmentChoices());
		if (form.isBlank()) {
			LocalDate today = LocalDate.now(this.clock);
			model.addAttribute("assessmentForm", new AssessmentForm(null, today.withDayOfYear(1), today));
			return "oversight/assessment";
		}
		if (errors.hasErrors()) {
			return "oversight/assessment";
		}
		try {
			model.addAttribute("assessment", this.assessments.assess(form.department(), form.toPeriod()));
		}
		catch (DomainException ex) {
			FormErrors.reject(errors, ex);
		}
		return "oversight/assessment";
	}

	@GetMapping("/oversight/assessment/report.xlsx")
	void report(@ModelAttribute("assessmentForm") AssessmentForm form, BindingResult errors, Locale locale,
			HttpServletResponse response) throws IOException {
		if (errors.hasErrors()) {
			throw new DomainException("oversight.assessment.invalid");
		}
		// validated (and the department resolved) before the response starts
		Assessment a = this.assessments.assess(form.department(), form.toPeriod());
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", ContentDisposition.attachment()
			.filename(this.messages.getMessage("oversight.assessment.fileName",
					new Object[] { a.departmentName(), a.period().from().toString(), a.period().to().toString() }, locale)
					+ ".xlsx", StandardCharsets.UTF_8)
			.build()
			.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		this.assessments.writeXlsx(form.department(), form.toPeriod(),
				key -> this.messages.getMessage(key, null, key, locale), response.getOutputStream());
	}

	@GetMapping("/oversight/assessment/report.pdf")
	ResponseEntity<byte[]> pdf(@ModelAttribute("assessmentForm") AssessmentForm form, BindingResult errors,
			Locale locale) {
		if (errors.hasErrors()) {
			throw new DomainException("oversight.assessment.invalid");
		}
		Assessment a = this.assessments.forPdf(form.department(), form.toPeriod());
		byte[] pdf = this.pdf.render("oversight/assessment-pdf", Map.of("a", a), locale);
		String name = this.messages.getMessage("oversight.assessment.fileName",
				new Object[] { a.departmentName(), a.period().from().toString(), a.period().to().toString() }, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + ".pdf", StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

}
