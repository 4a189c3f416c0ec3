package org.doublerandom.inspection.web.support;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filter bar of the public listings (plans, tasks, draws, results) as bound from the query string:
 * {@code department}, {@code year}, {@code region} and {@code page}.
 */
public record PublicFilterForm(Long department, Integer year, String region, Integer page) {

	public int pageOrFirst() {
		return (this.page != null && this.page >= 0) ? this.page : 0;
	}

	/** The list's address with the filters set, without the page (the pager adds it). */
	public String url(String path) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		if (this.department != null) {
			b.queryParam("department", this.department);
		}
		if (this.year != null) {
			b.queryParam("year", this.year);
		}
		if (this.region != null && !this.region.isBlank()) {
			b.queryParam("region", this.region.strip());
		}
		return b.encode().build().toUriString();
	}

}
