package org.doublerandom.inspection.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A TOTP code as typed: six digits, perhaps with a space in the middle. */
record CodeForm(@NotBlank @Size(max = 16) String code) {

	static CodeForm empty() {
		return new CodeForm("");
	}

}
