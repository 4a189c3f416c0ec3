package org.doublerandom.inspection.organization;

/** Command: add a department, typically one of a banner/district (旗区部门). */
public record NewDepartment(String code, String name, String nameEn, String shortName, String regionCode,
		boolean enforcing) {
}
