package org.doublerandom.inspection.audit.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.audit.AuditAdministration;
import org.doublerandom.inspection.audit.AuditCheckpoint;
import org.doublerandom.inspection.audit.AuditDepartment;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditQuery;
import org.doublerandom.inspection.audit.ChainBreak;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.doublerandom.inspection.web.support.SpreadsheetUploads.download;

/**
 * 审计日志 for the 审计管理员: search with filters, the chain verification, checkpoints and the exports for
 * the offline verifier.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditAdministration audit;

	private final Clock clock;

	AuditController(AuditAdministration audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/admin/audit")
	String list(@ModelAttribute("filter") AuditFilter filter, Model model) {
		model.addAttribute("events", this.audit.search(filter.toQuery(this.clock.getZone()), filter.pageNumber(), PAGE_SIZE));
		model.addAttribute("filterErrors", filter.errors());
		model.addAttribute("outcomes", AuditOutcome.values());
		addDepartments(model);
		return "audit/list";
	}

	/** 链完整性校验: shows the result; running it again is harmless, so the page is not a redirect. */
	@PostMapping("/admin/audit/verify")
	String verify(Model model) {
		model.addAttribute("result", this.audit.verify());
		model.addAttribute("kinds", ChainBreak.Kind.values());
		return "audit/verify";
	}

	@GetMapping("/admin/audit/checkpoints")
	String checkpoints(Model model) {
		List<AuditCheckpoint> all = this.audit.checkpoints();
		List<AuditCheckpoint> latest = new ArrayList<>(all.subList(Math.max(0, all.size() - 20), all.size()));
		Collections.reverse(latest);
		model.addAttribute("checkpoints", latest);
		model.addAttribute("checkpointCount", all.size());
		model.addAttribute("location", this.audit.checkpointLocation());
		model.addAttribute("keyId", this.audit.keyId());
		return "audit/checkpoints";
	}

	@PostMapping("/admin/audit/checkpoints")
	String checkpoint(RedirectAttributes redirect) {
		AuditCheckpoint written = this.audit.checkpointNow();
		redirect.addFlashAttribute("written", written);
		return "redirect:/admin/audit/checkpoints";
	}

	@GetMapping("/admin/audit/checkpoints.jsonl")
	void checkpointFile(HttpServletResponse response) throws IOException {
		attachment(response, "application/x-ndjson;charset=UTF-8", "audit-checkpoints-" + today() + ".jsonl");
		this.audit.downloadCheckpoints(response.getOutputStream());
	}

	/** The whole chain in sequence order, for the offline verifier (verifier/VerifyAudit.java). */
	@GetMapping("/admin/audit/export.jsonl")
	void exportChain(HttpServletResponse response) throws IOException {
		attachment(response, "application/x-ndjson;charset=UTF-8", "audit-trail-" + today() + ".jsonl");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		this.audit.exportChain(line -> {
			try {
				out.write(line);
				out.write('\n');
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		out.flush();
	}

	/** What the search shows, as CSV (formula text neutralised), newest first. */
	@GetMapping("/admin/audit/export.csv")
	void exportCsv(@ModelAttribute("filter") AuditFilter filter, HttpServletResponse response) throws IOException {
		AuditQuery query = filter.toQuery(this.clock.getZone());
		download(response, "审计日志-" + today() + ".csv", "csv", "审计日志", AuditAdministration.CSV_COLUMNS,
				sink -> this.audit.exportMatches(query, sink));
	}

	/**
	 * The checkpoint key's public half is public: anyone holding a checkpoint may check its signature. The
	 * audit pages link to the same file.
	 */
	@GetMapping("/public/audit-key.pem")
	ResponseEntity<String> publicKey() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-pem-file"))
			.header("Content-Disposition", ContentDisposition.attachment()
				.filename("audit-checkpoint-key-" + this.audit.keyId() + ".pub.pem")
				.build()
				.toString())
			.body(this.audit.publicKeyPem());
	}

	private void addDepartments(Model model) {
		List<AuditDepartment> departments = this.audit.departments();
		model.addAttribute("departments", departments);
		model.addAttribute("departmentNames",
				departments.stream().collect(Collectors.toMap(AuditDepartment::id, Function.identity())));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static void attachment(HttpServletResponse response, String contentType, String fileName) {
		response.setContentType(contentType);
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
	}

}
