package org.doublerandom.inspection.disclosure.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.result.OpenResultService;
import org.doublerandom.inspection.result.OpenResults;
import org.doublerandom.inspection.result.Terms;
import org.doublerandom.inspection.spreadsheet.SpreadsheetWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * 开放数据 of the results: every published result (results.csv / .json) and every item line of them
 * (result-items.csv / .json, joined by resultId), streamed from a database cursor to the response — a million
 * results never sit in memory, so these downloads are left out of the buffering ETag filter
 * ({@link PublicCaching#streamed}) and carry an ETag and Last-Modified of the published set instead: published
 * results are never changed or withdrawn, so their count, last id and last publication identify the file.
 */
@Controller
class OpenResultDataController {

	static final List<String> STREAMED = List.of("results", "result-items");

	private final OpenResultService results;

	private final OpenResultRows rows;

	private final OpenData data;

	private final JsonMapper json;

	OpenResultDataController(OpenResultService results, OpenResultRows rows, OpenData data, JsonMapper json) {
		this.results = results;
		this.rows = rows;
		this.data = data;
		this.json = json;
	}

	@GetMapping("/public/data/results.csv")
	void resultsCsv(ServletWebRequest request, HttpServletResponse response, Locale locale) throws IOException {
		if (notModified(request, "results.csv", locale)) {
			return;
		}
		Map<String, Terms.Term> categories = this.rows.categories();
		csv(response, "results", OpenResultRows.RESULT_COLUMNS, locale,
				sink -> this.results.each(line -> sink.accept(OpenResultRows.row(line, categories, locale))));
	}

	@GetMapping("/public/data/result-items.csv")
	void itemsCsv(ServletWebRequest request, HttpServletResponse response, Locale locale) throws IOException {
		if (notModified(request, "result-items.csv", locale)) {
			return;
		}
		csv(response, "result-items", OpenResultRows.ITEM_COLUMNS, locale,
				sink -> this.results.eachItem(line -> sink.accept(OpenResultRows.item(line))));
	}

	/** JSON: an array of objects, labels in Chinese as the dictionary gives them (like the other JSON files). */
	@GetMapping("/public/data/results.json")
	void resultsJson(ServletWebRequest request, HttpServletResponse response) throws IOException {
		if (notModified(request, "results.json", Locale.SIMPLIFIED_CHINESE)) {
			return;
		}
		Map<String, Terms.Term> categories = this.rows.categories();
		json(response, "results", sink -> this.results
			.each(line -> sink.accept(OpenResultRows.row(line, categories, Locale.SIMPLIFIED_CHINESE))));
	}

	@GetMapping("/public/data/result-items.json")
	void itemsJson(ServletWebRequest request, HttpServletResponse response) throws IOException {
		if (notModified(request, "result-items.json", Locale.SIMPLIFIED_CHINESE)) {
			return;
		}
		json(response, "result-items", sink -> this.results.eachItem(line -> sink.accept(OpenResultRows.item(line))));
	}

	/**
	 * The CSV's header and labels are in the visitor's language, so the language is part of the tag; a change of a
	 * dictionary label or an entity's name shows once the cache's max-age has passed and a result is published.
	 */
	private boolean notModified(ServletWebRequest request, String file, Locale locale) {
		OpenResults.Version version = this.results.version();
		long lastModified = (version.lastPublished() != null) ? version.lastPublished().toEpochMilli() : 0L;
		String etag = "\"" + file + "-" + locale.toLanguageTag() + "-" + version.count() + "-" + version.lastId() + "-"
				+ lastModified + "\"";
		return request.checkNotModified(etag, lastModified);
	}

	private void csv(HttpServletResponse response, String name, List<String> columns, Locale locale,
			Consumer<Consumer<Map<String, Object>>> source) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
		List<String> header = columns.stream().map(c -> this.data.label(c, locale)).toList();
		SpreadsheetWriter.csv(response.getOutputStream(), header, sink -> source.accept(row -> {
			List<String> cells = new ArrayList<>(columns.size());
			columns.forEach(c -> cells.add(this.data.cell(row.get(c), locale)));
			sink.accept(cells);
		}));
	}

	private void json(HttpServletResponse response, String name, Consumer<Consumer<Map<String, Object>>> source)
			throws IOException {
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".json\"");
		OutputStream out = response.getOutputStream();
		try (JsonGenerator generator = this.json.createGenerator(out)) {
			generator.writeStartArray();
			source.accept(row -> generator.writePOJO(row));
			generator.writeEndArray();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
