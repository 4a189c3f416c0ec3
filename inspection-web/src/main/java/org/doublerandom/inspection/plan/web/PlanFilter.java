package org.doublerandom.inspection.plan.web;

import org.doublerandom.inspection.plan.PlanState;
import org.doublerandom.inspection.plan.PlanType;
import org.springframework.web.util.UriComponentsBuilder;

/** The plan list's filters from the query string (bad values bind to null and are ignored). */
record PlanFilter(Integer year, PlanType type, PlanState state, Integer page) {

	int pageOrFirst() {
		return (this.page != null && this.page >= 0) ? this.page : 0;
	}

	String url(String path) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		if (this.year != null) {
			b.queryParam("year", this.year);
		}
		if (this.type != null) {
			b.queryParam("type", this.type);
		}
		if (this.state != null) {
			b.queryParam("state", this.state);
		}
		return b.encode().build().toUriString();
	}

}
