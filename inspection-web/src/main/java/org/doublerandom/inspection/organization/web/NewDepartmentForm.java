package org.doublerandom.inspection.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.doublerandom.inspection.organization.NewDepartment;

record NewDepartmentForm(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}") String code,
		@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 150) String nameEn,
		@NotBlank @Size(max = 30) String shortName, @NotBlank String regionCode, Boolean enforcing) {

	static NewDepartmentForm empty() {
		return new NewDepartmentForm("", "", "", "", "", true);
	}

	NewDepartment toCommand() {
		return new NewDepartment(this.code, this.name.strip(), this.nameEn.strip(), this.shortName.strip(),
				this.regionCode, Boolean.TRUE.equals(this.enforcing));
	}

}
