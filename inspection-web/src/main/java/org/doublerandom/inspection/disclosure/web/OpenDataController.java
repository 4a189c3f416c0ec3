package org.doublerandom.inspection.disclosure.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.spreadsheet.SpreadsheetWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 开放数据: every published dataset as CSV (UTF-8 with BOM, so that Excel reads the Chinese; formula text
 * neutralised like the registry exports) and as JSON, and the page that lists them with the API.
 */
@Controller
class OpenDataController {

	private final OpenData data;

	OpenDataController(OpenData data) {
		this.data = data;
	}

	@GetMapping("/public/data")
	String page(Model model) {
		model.addAttribute("datasets", OpenData.DATASETS);
		return "disclosure/data";
	}

	@GetMapping({ "/public/data/items.csv", "/public/data/plans.csv", "/public/data/tasks.csv", "/public/data/draws.csv" })
	void csv(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
		OpenData.Dataset dataset = this.data.dataset(name(request, ".csv"));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + dataset.name() + ".csv\"");
		List<String> header = dataset.columns().stream().map(c -> this.data.label(c, locale)).toList();
		SpreadsheetWriter.csv(response.getOutputStream(), header, sink -> {
			for (Map<String, Object> row : dataset.rows()) {
				List<String> cells = new ArrayList<>();
				dataset.columns().forEach(c -> cells.add(this.data.cell(row.get(c), locale)));
				sink.accept(cells);
			}
		});
	}

	@GetMapping({ "/public/data/items.json", "/public/data/plans.json", "/public/data/tasks.json",
			"/public/data/draws.json" })
	@ResponseBody
	ResponseEntity<List<Map<String, Object>>> json(HttpServletRequest request) {
		OpenData.Dataset dataset = this.data.dataset(name(request, ".json"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + dataset.name() + ".json\"")
			.body(dataset.rows());
	}

	private static String name(HttpServletRequest request, String suffix) {
		String path = request.getRequestURI();
		return path.substring(path.lastIndexOf('/') + 1, path.length() - suffix.length());
	}

}
