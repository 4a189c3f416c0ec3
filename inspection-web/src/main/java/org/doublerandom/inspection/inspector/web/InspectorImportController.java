package org.doublerandom.inspection.inspector.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.doublerandom.inspection.inspector.InspectorImport;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.web.support.SpreadsheetUploads.Upload;
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
 * 批量导入 and 导出 of the inspector registry. An upload is kept in a private temporary file and previewed
 * (nothing written); the same user then commits it into their own department, or the file is dropped. Exports
 * stream the filtered list in the user's data scope, phones masked.
 */
@Controller
@RequestMapping("/registry/inspectors")
class InspectorImportController {

	static final String SESSION_KEY = InspectorImportController.class.getName() + ".uploads";

	private static final String VIEW = "inspector/import";

	private static final String IMPORT_PAGE = "/registry/inspectors/import";

	private static final String SHEET = "检查人员";

	private final InspectorImport importer;

	InspectorImportController(InspectorImport importer) {
		this.importer = importer;
	}

	@GetMapping("/import")
	String form(Model model) {
		this.importer.requireImporter();
		addReferenceData(model);
		return VIEW;
	}

	@PostMapping("/import")
	String preview(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
			Model model) {
		Actor me = this.importer.requireImporter();
		addReferenceData(model);
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "file.empty");
			return VIEW;
		}
		String fileName = safeName(file.getOriginalFilename());
		Path stored = store(file);
		try {
			InspectorImport.Report report = this.importer.preview(stored, fileName, InspectorImport.LIMITS);
			String token = UUID.randomUUID().toString();
			uploads(session, SESSION_KEY).put(token, new Upload(stored, fileName, me.username()));
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
		Actor me = this.importer.requireImporter();
		Upload upload = uploads(session, SESSION_KEY).remove(token);
		if (upload == null) {
			flash.addFlashAttribute("error", "inspector.import.expired");
			return "redirect:" + IMPORT_PAGE;
		}
		try {
			if (!upload.owner().equals(me.username())) {
				flash.addFlashAttribute("error", "inspector.import.expired");
				return "redirect:" + IMPORT_PAGE;
			}
			InspectorImport.Result result = this.importer.commit(upload.file(), upload.fileName(), updateExisting,
					InspectorImport.LIMITS);
			flash.addFlashAttribute("message", "inspector.import.committed");
			flash.addFlashAttribute("messageArgs", new Object[] { result.valid(), result.inserted(), result.updated(),
					result.unchanged(), result.skipped() });
			return "redirect:/registry/inspectors";
		}
		catch (NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("error", ex.messageKey());
			return "redirect:" + IMPORT_PAGE;
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
		return "redirect:" + IMPORT_PAGE;
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
	void exportXlsx(@ModelAttribute InspectorFilter filter, HttpServletResponse response) throws IOException {
		export(filter, "xlsx", response);
	}

	@GetMapping("/export.csv")
	void exportCsv(@ModelAttribute InspectorFilter filter, HttpServletResponse response) throws IOException {
		export(filter, "csv", response);
	}

	private void template(String format, HttpServletResponse response) throws IOException {
		this.importer.requireImporter();
		List<String> example = List.of("示例·张三", "执法人员", "综合执法科", "东胜区", "在岗", "13800000000", "食品安全、特种设备",
				"示例-15000000001", "行政执法证", "内蒙古自治区人民政府", "2028-12-31", "SCJG-001、SCJG-002", "食品安全，特种设备");
		download(response, "检查人员导入模板." + format, format, SHEET, InspectorImport.COLUMNS,
				sink -> sink.accept(example));
	}

	private void export(InspectorFilter filter, String format, HttpServletResponse response) throws IOException {
		download(response, "执法检查人员名录." + format, format, SHEET, InspectorImport.COLUMNS,
				sink -> this.importer.export(filter.toSearch(), filter.sortKey(), filter.descending(), sink));
	}

	private static void addReferenceData(Model model) {
		model.addAttribute("columns", InspectorImport.COLUMNS);
		model.addAttribute("limits", InspectorImport.LIMITS);
	}

}
