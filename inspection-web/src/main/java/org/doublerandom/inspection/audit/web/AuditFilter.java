package org.doublerandom.inspection.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditQuery;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit search's query string. Kept as text, so a hand-edited link falls back to "any" for what it does
 * not recognise; a date that is not a date is reported at its field ({@link #errors()}). The dates are whole
 * days in the bureau's time zone, both inclusive. Public because the template reads it.
 */
public record AuditFilter(String actor, String action, String objectType, String objectId, String outcome,
		String from, String to, String department, Integer page) {

	static final String PATH = "/admin/audit";

	/** The filters it can read; a date that is not one is left out (and named by {@link #errors()}). */
	AuditQuery toQuery(ZoneId zone) {
		LocalDate fromDate = date(this.from);
		LocalDate toDate = date(this.to);
		if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
			// reported at the field; the search runs without the dates
			fromDate = null;
			toDate = null;
		}
		return new AuditQuery(this.actor, this.action, this.objectType, this.objectId, outcomeValue(),
				(fromDate != null) ? fromDate.atStartOfDay(zone).toInstant() : null,
				(toDate != null) ? toDate.plusDays(1).atStartOfDay(zone).toInstant() : null, departmentId());
	}

	/** Field → message key of the filters that could not be read. */
	public Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (present(this.from) && date(this.from) == null) {
			errors.put("from", "audit.filter.dateInvalid");
		}
		if (present(this.to) && date(this.to) == null) {
			errors.put("to", "audit.filter.dateInvalid");
		}
		LocalDate fromDate = date(this.from);
		LocalDate toDate = date(this.to);
		if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
			errors.put("to", "audit.filter.toBeforeFrom");
		}
		return errors;
	}

	int pageNumber() {
		return (this.page != null) ? Math.max(this.page, 0) : 0;
	}

	AuditOutcome outcomeValue() {
		if (!present(this.outcome)) {
			return null;
		}
		try {
			return AuditOutcome.valueOf(this.outcome.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	Long departmentId() {
		if (!present(this.department)) {
			return null;
		}
		try {
			return Long.valueOf(this.department.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The search URL with these filters, without the page (the pager adds it). */
	public String pageUrl() {
		return filters(PATH).build().encode().toUriString();
	}

	/** The CSV export of what the search shows. */
	public String exportUrl() {
		return filters(PATH + "/export.csv").build().encode().toUriString();
	}

	private UriComponentsBuilder filters(String path) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		add(builder, "actor", this.actor);
		add(builder, "action", this.action);
		add(builder, "objectType", this.objectType);
		add(builder, "objectId", this.objectId);
		add(builder, "outcome", this.outcome);
		add(builder, "from", this.from);
		add(builder, "to", this.to);
		add(builder, "department", this.department);
		return builder;
	}

	private static void add(UriComponentsBuilder builder, String name, String value) {
		if (present(value)) {
			builder.queryParam(name, value.strip());
		}
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static LocalDate date(String value) {
		if (!present(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
