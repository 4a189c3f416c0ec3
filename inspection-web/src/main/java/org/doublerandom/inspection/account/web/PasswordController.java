package org.doublerandom.inspection.account.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.doublerandom.inspection.account.AccountService;
import org.doublerandom.inspection.account.PasswordRules;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.web.config.SignedInSessions;
import org.doublerandom.inspection.web.support.FormErrors;
import org.doublerandom.inspection.web.support.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 修改密码: every signed-in user, and the only page open to one who must change a given password. */
@Controller
class PasswordController {

	private static final String VIEW = "account/password";

	private final AccountService accounts;

	private final SignedInUser signedIn;

	private final SignedInSessions sessions;

	private final CurrentActor actor;

	PasswordController(AccountService accounts, SignedInUser signedIn, SignedInSessions sessions,
			CurrentActor actor) {
		this.accounts = accounts;
		this.signedIn = signedIn;
		this.sessions = sessions;
		this.actor = actor;
	}

	@ModelAttribute("rules")
	PasswordRules rules() {
		return this.accounts.passwordRules();
	}

	@GetMapping("/account/password")
	String form(Model model) {
		model.addAttribute("form", PasswordForm.empty());
		return VIEW;
	}

	@PostMapping("/account/password")
	String change(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result, HttpSession session,
			RedirectAttributes flash) {
		if (!result.hasFieldErrors("confirmPassword") && !form.newPassword().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "password.confirmMismatch");
		}
		if (result.hasErrors()) {
			return VIEW;
		}
		try {
			this.accounts.changeOwnPassword(form.currentPassword(), form.newPassword());
		}
		catch (DomainException ex) {
			FormErrors.reject(result, ex);
			return VIEW;
		}
		this.signedIn.passwordChanged();
		// whoever may have known the old password is signed out everywhere else
		this.sessions.endAll(this.actor.get().username(), session.getId());
		flash.addFlashAttribute("message", "password.changed");
		return "redirect:/home";
	}

}
