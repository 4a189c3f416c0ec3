package org.doublerandom.inspection.document.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.doublerandom.inspection.document.DocumentKind;
import org.doublerandom.inspection.document.DocumentService;
import org.doublerandom.inspection.document.TaskDocuments;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 检查文书 of a task: the list, an HTML preview of each document and its PDF, rendered from the same template.
 * The service decides who may read them (participating departments and the bureau) and audits each download.
 */
@Controller
class DocumentController {

	private final DocumentService documents;

	private final PdfDocuments pdf;

	DocumentController(DocumentService documents, PdfDocuments pdf) {
		this.documents = documents;
		this.pdf = pdf;
	}

	@GetMapping("/tasks/{id}/documents")
	String index(@PathVariable long id, Model model) {
		model.addAttribute("doc", this.documents.documents(id));
		model.addAttribute("kinds", List.of(DocumentKind.values()));
		return "document/index";
	}

	@GetMapping("/tasks/{id}/documents/notice")
	String notice(@PathVariable long id, Model model) {
		return preview(id, DocumentKind.NOTICE, model);
	}

	@GetMapping("/tasks/{id}/documents/check-sheet")
	String checkSheet(@PathVariable long id, Model model) {
		return preview(id, DocumentKind.CHECK_SHEET, model);
	}

	@GetMapping("/tasks/{id}/documents/record")
	String record(@PathVariable long id, Model model) {
		return preview(id, DocumentKind.RECORD, model);
	}

	@GetMapping("/tasks/{id}/documents/notice.pdf")
	ResponseEntity<byte[]> noticePdf(@PathVariable long id, Locale locale) {
		return download(id, DocumentKind.NOTICE, locale);
	}

	@GetMapping("/tasks/{id}/documents/check-sheet.pdf")
	ResponseEntity<byte[]> checkSheetPdf(@PathVariable long id, Locale locale) {
		return download(id, DocumentKind.CHECK_SHEET, locale);
	}

	@GetMapping("/tasks/{id}/documents/record.pdf")
	ResponseEntity<byte[]> recordPdf(@PathVariable long id, Locale locale) {
		return download(id, DocumentKind.RECORD, locale);
	}

	private String preview(long id, DocumentKind kind, Model model) {
		model.addAttribute("doc", this.documents.documents(id));
		return "document/" + kind.slug();
	}

	private ResponseEntity<byte[]> download(long id, DocumentKind kind, Locale locale) {
		TaskDocuments doc = this.documents.export(id, kind);
		byte[] bytes = this.pdf.render("document/" + kind.slug(), Map.of("doc", doc), locale);
		String name = doc.taskCode() + "-" + kind.slug() + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(bytes);
	}

}
