package org.doublerandom.inspection.item.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.doublerandom.inspection.item.ItemImport;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.spreadsheet.SpreadsheetWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 抽查事项批量导入 into a list's draft, and the export of any readable version. An upload is kept in a
 * private temporary file and previewed (nothing written); the same user then commits it into the same draft,
 * or it is dropped. The import service decides who may import; this controller only carries the file.
 */
@Controller
class ItemImportController {

	static final String SESSION_KEY = ItemImportController.class.getName() + ".uploads";

	private static final String VIEW = "item/import";

	private static final String XLSX = "xlsx";

	private final ItemImport importer;

	private final OrganizationService organization;

	private final CurrentActor actor;

	ItemImportController(ItemImport importer, OrganizationService organization, CurrentActor actor) {
		this.importer = importer;
		this.organization = organization;
		this.actor = actor;
	}

	/**
	 * An uploaded file waiting for its commit into one draft by one user. Serializable: the session is stored
	 * in PostgreSQL; the file stays on this instance's disk.
	 */
	record Upload(Long listId, String path, String fileName, String owner) implements Serializable {

		Upload(Long listId, Path file, String fileName, String owner) {
			this(listId, file.toString(), fileName, owner);
		}

		Path file() {
			return Path.of(this.path);
		}

	}

	@ModelAttribute("departmentsById")
	Map<Long, Department> departmentsById() {
		return this.organization.departments()
			.stream()
			.collect(Collectors.toMap(Department::getId, Function.identity()));
	}

	@GetMapping("/items/lists/{id}/import")
	String form(@PathVariable Long id, Model model) {
		page(id, model);
		return VIEW;
	}

	/** A version that is not a draft takes no upload: the page says where the draft is, or to start one. */
	@PostMapping("/items/lists/{id}/import")
	String preview(@PathVariable Long id, @RequestParam(name = "file", required = false) MultipartFile file,
			HttpSession session, Model model) {
		if (!page(id, model).version().isDraft()) {
			return VIEW;
		}
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "file.empty");
			return VIEW;
		}
		String fileName = safeName(file.getOriginalFilename());
		Path stored = store(file);
		try {
			ItemImport.Report report = this.importer.preview(id, stored, fileName, ItemImport.LIMITS);
			String token = UUID.randomUUID().toString();
			uploads(session).put(token, new Upload(id, stored, fileName, this.actor.get().username()));
			model.addAttribute("report", report);
			model.addAttribute("token", token);
			return VIEW;
		}
		catch (DomainException ex) {
			delete(stored);
			ItemRefusals.rethrowAccess(ex);
			model.addAttribute("fileError", ex.messageKey());
			model.addAttribute("fileErrorArgs", ex.arguments());
			return VIEW;
		}
	}

	@PostMapping("/items/lists/{id}/import/{token}/commit")
	String commit(@PathVariable Long id, @PathVariable String token, HttpSession session, RedirectAttributes flash) {
		Upload upload = uploads(session).remove(token);
		if (upload == null || !upload.listId().equals(id) || !upload.owner().equals(this.actor.get().username())) {
			if (upload != null) {
				delete(upload.file());
			}
			flash.addFlashAttribute("error", "item.import.expired");
			return "redirect:/items/lists/" + id + "/import";
		}
		try {
			ItemImport.Result result = this.importer.commit(id, upload.file(), upload.fileName(), ItemImport.LIMITS);
			flash.addFlashAttribute("message", "item.import.committed");
			flash.addFlashAttribute("messageArgs",
					new Object[] { result.added(), result.updated(), result.unchanged(), result.skipped() });
			return "redirect:/items/lists/" + id;
		}
		catch (DomainException ex) {
			ItemRefusals.rethrowAccess(ex);
			flash.addFlashAttribute("error", ex.messageKey());
			return "redirect:/items/lists/" + id + "/import";
		}
		finally {
			delete(upload.file());
		}
	}

	@PostMapping("/items/lists/{id}/import/{token}/cancel")
	String cancel(@PathVariable Long id, @PathVariable String token, HttpSession session) {
		Upload upload = uploads(session).remove(token);
		if (upload != null) {
			delete(upload.file());
		}
		return "redirect:/items/lists/" + id + "/import";
	}

	@GetMapping("/items/lists/{id}/export.xlsx")
	void exportXlsx(@PathVariable Long id, HttpServletResponse response) throws IOException {
		export(id, XLSX, response);
	}

	@GetMapping("/items/lists/{id}/export.csv")
	void exportCsv(@PathVariable Long id, HttpServletResponse response) throws IOException {
		export(id, "csv", response);
	}

	@GetMapping("/items/import/template.xlsx")
	void templateXlsx(HttpServletResponse response) throws IOException {
		template(XLSX, response);
	}

	@GetMapping("/items/import/template.csv")
	void templateCsv(HttpServletResponse response) throws IOException {
		template("csv", response);
	}

	private ItemImport.Destination page(Long id, Model model) {
		ItemImport.Destination destination = this.importer.destination(id);
		model.addAttribute("destination", destination);
		model.addAttribute("list", destination.version());
		model.addAttribute("columns", ItemImport.COLUMNS);
		model.addAttribute("limits", ItemImport.LIMITS);
		return destination;
	}

	private void export(Long id, String format, HttpServletResponse response) throws IOException {
		ItemImport.Export export = this.importer.export(id);
		download(response, export.title() + "." + format, format);
		write(response, format, export.rows());
	}

	private void template(String format, HttpServletResponse response) throws IOException {
		this.importer.requireReader();
		download(response, "抽查事项导入模板." + format, format);
		write(response, format, List.of(ItemImport.exampleRow()));
	}

	private static void write(HttpServletResponse response, String format, List<List<String>> rows)
			throws IOException {
		if (XLSX.equals(format)) {
			SpreadsheetWriter.xlsx(response.getOutputStream(), "抽查事项", ItemImport.COLUMNS, sink -> rows.forEach(sink));
		}
		else {
			SpreadsheetWriter.csv(response.getOutputStream(), ItemImport.COLUMNS, sink -> rows.forEach(sink));
		}
	}

	private static void download(HttpServletResponse response, String fileName, String format) {
		response.setContentType(XLSX.equals(format)
				? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Upload> uploads(HttpSession session) {
		Object uploads = session.getAttribute(SESSION_KEY);
		if (uploads == null) {
			uploads = new HashMap<String, Upload>();
			session.setAttribute(SESSION_KEY, uploads);
		}
		return (Map<String, Upload>) uploads;
	}

	/** Kept outside the web root, under a generated name: the user's file name is only ever displayed. */
	private static Path store(MultipartFile file) {
		try {
			Path directory = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "inspection-imports"));
			Path stored = Files.createTempFile(directory, "items-", ".bin");
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
			}
			return stored;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a leftover temporary file is removed with the temporary directory
		}
	}

	static String safeName(String original) {
		if (original == null || original.isBlank()) {
			return "upload";
		}
		String name = original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		return (name.length() > 100) ? name.substring(0, 100) : name;
	}

}
