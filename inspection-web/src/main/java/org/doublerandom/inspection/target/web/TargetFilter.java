package org.doublerandom.inspection.target.web;

import org.doublerandom.inspection.target.CreditClass;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.target.TargetQuery;
import org.doublerandom.inspection.target.TargetStatus;
import org.springframework.web.util.UriComponentsBuilder;

/** The list's filter form, bound from the query string (bad values bind to null and are ignored). */
record TargetFilter(String q, TargetKind kind, String region, String section, CreditClass credit,
		TargetStatus status, Boolean key, Boolean abnormal, String tag, Long department, TargetQuery.Sort sort,
		Boolean desc, Integer page, Integer size) {

	TargetQuery toQuery() {
		return new TargetQuery(this.q, this.kind, blankToNull(this.region), blankToNull(this.section), this.credit,
				this.status, this.key, this.abnormal, blankToNull(this.tag), this.department,
				(this.sort != null) ? this.sort : TargetQuery.Sort.NAME, Boolean.TRUE.equals(this.desc));
	}

	int pageOrFirst() {
		return (this.page != null && this.page >= 0) ? this.page : 0;
	}

	int sizeOrDefault() {
		return (this.size != null) ? this.size : 20;
	}

	/** The list URL with these filters and without the page, for the pager and the export links. */
	String url(String path) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		param(b, "q", this.q);
		param(b, "kind", this.kind);
		param(b, "region", this.region);
		param(b, "section", this.section);
		param(b, "credit", this.credit);
		param(b, "status", this.status);
		param(b, "key", this.key);
		param(b, "abnormal", this.abnormal);
		param(b, "tag", this.tag);
		param(b, "department", this.department);
		param(b, "sort", this.sort);
		param(b, "desc", this.desc);
		return b.encode().build().toUriString();
	}

	private static void param(UriComponentsBuilder b, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			b.queryParam(name, value);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
