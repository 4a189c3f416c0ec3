package org.doublerandom.inspection.account.web;

import org.doublerandom.inspection.account.AccountService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 本部门: the signed-in officer's own department and its staff. */
@Controller
class ColleaguesController {

	private final AccountService accounts;

	ColleaguesController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/my-department")
	String colleagues(Model model) {
		model.addAttribute("colleagues", this.accounts.colleagues());
		return "account/colleagues";
	}

}
