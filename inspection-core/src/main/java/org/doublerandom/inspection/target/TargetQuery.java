package org.doublerandom.inspection.target;

/**
 * Filters of the registry list; {@code null} means "any". {@code text} matches a name containing it or a
 * code starting with it. The department filter is narrowed to the caller's own by the service.
 */
public record TargetQuery(String text, TargetKind kind, String regionCode, String industrySectionCode,
		CreditClass creditClass, TargetStatus status, Boolean keySupervision, Boolean abnormalListed, String tag,
		Long departmentId, Sort sort, boolean descending) {

	/** Sort columns offered to users (an allowlist: nothing else reaches the SQL). */
	public enum Sort {

		NAME, CODE, REGION, CREDIT_CLASS, ESTABLISHED

	}

	public TargetQuery withDepartment(Long department) {
		return new TargetQuery(this.text, this.kind, this.regionCode, this.industrySectionCode, this.creditClass,
				this.status, this.keySupervision, this.abnormalListed, this.tag, department, this.sort,
				this.descending);
	}

	public static TargetQuery all() {
		return new TargetQuery(null, null, null, null, null, null, null, null, null, null, Sort.NAME, false);
	}

}
