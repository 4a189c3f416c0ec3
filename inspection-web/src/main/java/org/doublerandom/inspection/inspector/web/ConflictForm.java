package org.doublerandom.inspection.inspector.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 回避申报: the target by the code staff know it by, and why. */
record ConflictForm(@NotBlank @Size(max = 64) String targetCode, @NotBlank @Size(max = 200) String reason) {

	static ConflictForm empty() {
		return new ConflictForm("", "");
	}

}
