package org.doublerandom.inspection.target.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.spreadsheet.ReadLimits;
import org.doublerandom.inspection.target.TargetImport;
import org.doublerandom.inspection.target.TargetService;
import org.doublerandom.inspection.target.UnifiedSocialCreditCode;
import org.doublerandom.inspection.web.support.SpreadsheetUploads.Upload;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.doublerandom.inspection.web.support.SpreadsheetUploads.delete;
import static org.doublerandom.inspection.web.support.SpreadsheetUploads.download;
import static org.doublerandom.inspection.web.support.SpreadsheetUploads.safeName;
import static org.doublerandom.inspection.web.support.SpreadsheetUploads.store;
import static org.doublerandom.inspection.web.support.SpreadsheetUploads.uploads;

/**
 * 批量导入 and 导出 of the target registry. An upload is kept in a private temporary file and previewed
 * (nothing written); the same user then commits it, or the file is dropped. Exports stream the filtered
 * list in the user's data scope.
 */
@Controller
@RequestMapping("/registry/targets")
class TargetImportController {

	static final String SESSION_KEY = TargetImportController.class.getName() + ".uploads";

	private static final String VIEW = "target/import";

	private final TargetImport importer;

	private final TargetService targets;

	private final CurrentActor actor;

	private final ReadLimits limits;

	TargetImportController(TargetImport importer, TargetService targets, CurrentActor actor,
			@Value("${inspection.import.max-bytes:104857600}") long maxBytes,
			@Value("${inspection.import.max-rows:500000}") int maxRows) {
		this.importer = importer;
		this.targets = targets;
		this.actor = actor;
		this.limits = ReadLimits.uploads(maxBytes, maxRows);
	}

	@GetMapping("/import")
	String form(Model model) {
		this.targets.requireImporter();
		model.addAttribute("columns", TargetImport.COLUMNS);
		model.addAttribute("limits", this.limits);
		return VIEW;
	}

	@PostMapping("/import")
	String preview(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
			Model model) {
		this.targets.requireImporter();
		model.addAttribute("columns", TargetImport.COLUMNS);
		model.addAttribute("limits", this.limits);
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "file.empty");
			return VIEW;
		}
		String fileName = safeName(file.getOriginalFilename());
		Path stored = store(file);
		try {
			TargetImport.Report report = this.importer.preview(stored, fileName, this.limits);
			String token = UUID.randomUUID().toString();
			uploads(session, SESSION_KEY).put(token, new Upload(stored, fileName, this.actor.get().username()));
			model.addAttribute("report", report);
			model.addAttribute("token", token);
			return VIEW;
		}
		catch (NotPermittedException ex) {
			delete(stored);
			throw ex;
		}
		catch (DomainException ex) {
			delete(stored);
			model.addAttribute("fileError", ex.messageKey());
			model.addAttribute("fileErrorArgs", ex.arguments());
			return VIEW;
		}
	}

	@PostMapping("/import/{token}/commit")
	String commit(@PathVariable String token, @RequestParam(defaultValue = "false") boolean updateExisting,
			HttpSession session, RedirectAttributes flash) {
		Upload upload = uploads(session, SESSION_KEY).remove(token);
		Actor me = this.actor.get();
		if (upload == null || !upload.owner().equals(me.username())) {
			flash.addFlashAttribute("error", "import.expired");
			return "redirect:/registry/targets/import";
		}
		try {
			TargetImport.Result result = this.importer.commit(upload.file(), upload.fileName(), updateExisting,
					this.limits);
			flash.addFlashAttribute("message", "import.committed");
			flash.addFlashAttribute("messageArgs", new Object[] { result.valid(), result.written().inserted(),
					result.written().updated(), result.written().linked(), result.skipped() });
			return "redirect:/registry/targets";
		}
		catch (NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("error", ex.messageKey());
			return "redirect:/registry/targets/import";
		}
		finally {
			delete(upload.file());
		}
	}

	@PostMapping("/import/{token}/cancel")
	String cancel(@PathVariable String token, HttpSession session) {
		Upload upload = uploads(session, SESSION_KEY).remove(token);
		if (upload != null) {
			delete(upload.file());
		}
		return "redirect:/registry/targets/import";
	}

	@GetMapping("/import/template.xlsx")
	void templateXlsx(HttpServletResponse response) throws IOException {
		template("xlsx", response);
	}

	@GetMapping("/import/template.csv")
	void templateCsv(HttpServletResponse response) throws IOException {
		template("csv", response);
	}

	@GetMapping("/export.xlsx")
	void exportXlsx(@ModelAttribute TargetFilter filter, HttpServletResponse response) throws IOException {
		export(filter, "xlsx", response);
	}

	@GetMapping("/export.csv")
	void exportCsv(@ModelAttribute TargetFilter filter, HttpServletResponse response) throws IOException {
		export(filter, "csv", response);
	}

	private void template(String format, HttpServletResponse response) throws IOException {
		this.targets.requireImporter();
		String first17 = "91150602MA0000001";
		List<String> example = List.of("企业", first17 + UnifiedSocialCreditCode.checkCharacter(first17),
				"示例·某某餐饮有限公司", "东胜区", "东胜区某某路1号", "62", "鄂尔多斯市市场监督管理局", "2020-01-15", "存续", "否", "B",
				"2026-03-31", "企业信用风险分类管理系统", "否", "食品安全，餐饮");
		download(response, "检查对象导入模板." + format, format, "检查对象", TargetImport.COLUMNS,
				sink -> sink.accept(example));
	}

	private void export(TargetFilter filter, String format, HttpServletResponse response) throws IOException {
		download(response, "检查对象名录." + format, format, "检查对象", TargetImport.COLUMNS,
				sink -> this.targets.export(filter.toQuery(), row -> sink.accept(row.cells())));
	}

}
