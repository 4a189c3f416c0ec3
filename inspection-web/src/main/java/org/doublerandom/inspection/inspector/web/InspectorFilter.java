package org.doublerandom.inspection.inspector.web;

import java.util.Map;

import org.doublerandom.inspection.inspector.CertificateFilter;
import org.doublerandom.inspection.inspector.InspectorKind;
import org.doublerandom.inspection.inspector.InspectorSearch;
import org.doublerandom.inspection.inspector.InspectorStatus;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The list's query string: filters, sort and page. Kept as text so that a hand-edited or stale link falls back
 * to "any" instead of failing; {@link #toSearch()} reads the values it recognises. Public because the list
 * template reads it.
 */
public record InspectorFilter(String q, String kind, String status, String region, String expertise, String certificate,
		String department, String sort, String dir, Integer page) {

	static final String PATH = "/registry/inspectors";

	InspectorSearch toSearch() {
		return new InspectorSearch(this.q, parse(InspectorKind.class, this.kind), parse(InspectorStatus.class, this.status),
				blankToNull(this.region), blankToNull(this.expertise), parse(CertificateFilter.class, this.certificate),
				departmentId());
	}

	int pageNumber() {
		return (this.page != null) ? Math.max(this.page, 0) : 0;
	}

	public String sortKey() {
		return (this.sort != null && !this.sort.isBlank()) ? this.sort : "name";
	}

	public boolean descending() {
		return "desc".equals(this.dir);
	}

	/** The list URL with the filters and the sort, without the page (the pager adds it). */
	String pageUrl() {
		return filters().queryParam("sort", sortKey()).queryParam("dir", descending() ? "desc" : "asc").build().encode()
			.toUriString();
	}

	/** Links of the column headers: each sorts by its key, the current one in the other direction. */
	Map<String, String> sortUrls() {
		return Map.of("name", sortUrl("name"), "kind", sortUrl("kind"), "status", sortUrl("status"), "region",
				sortUrl("region"), "department", sortUrl("department"), "updated", sortUrl("updated"));
	}

	private String sortUrl(String key) {
		boolean desc = key.equals(sortKey()) && !descending();
		return filters().queryParam("sort", key).queryParam("dir", desc ? "desc" : "asc").build().encode().toUriString();
	}

	/** The export (导出) in that format ("xlsx", "csv") of what the list shows: the same filters and sort. */
	String exportUrl(String format) {
		return filters(PATH + "/export." + format).queryParam("sort", sortKey())
			.queryParam("dir", descending() ? "desc" : "asc")
			.build()
			.encode()
			.toUriString();
	}

	private UriComponentsBuilder filters() {
		return filters(PATH);
	}

	private UriComponentsBuilder filters(String path) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		add(builder, "q", this.q);
		add(builder, "kind", this.kind);
		add(builder, "status", this.status);
		add(builder, "region", this.region);
		add(builder, "expertise", this.expertise);
		add(builder, "certificate", this.certificate);
		add(builder, "department", this.department);
		return builder;
	}

	private Long departmentId() {
		try {
			return (this.department == null || this.department.isBlank()) ? null : Long.valueOf(this.department.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static void add(UriComponentsBuilder builder, String name, String value) {
		if (value != null && !value.isBlank()) {
			builder.queryParam(name, value.strip());
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
