package org.doublerandom.inspection.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.doublerandom.inspection.account.NewAccount;

record NewAccountForm(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}") String username,
		@NotBlank @Size(max = 100) String displayName, Long departmentId, @NotBlank String initialPassword) {

	static NewAccountForm empty() {
		return new NewAccountForm("", "", null, "");
	}

	NewAccount toCommand() {
		return new NewAccount(this.username, this.displayName, this.departmentId, this.initialPassword);
	}

}
