package org.doublerandom.inspection.account.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.doublerandom.inspection.account.AccountService;
import org.doublerandom.inspection.account.SecondFactorService;
import org.doublerandom.inspection.account.SignInLockout;
import org.doublerandom.inspection.account.UserAccount;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 账户管理 (system administrator: create, enable, disable) and 角色授权 (security administrator: grant and
 * revoke roles). The service checks each role again.
 */
@Controller
class AccountAdminController {

	private static final String VIEW_LIST = "account/list";

	private static final String VIEW_FORM = "account/form";

	private static final String VIEW_ROLES = "account/roles";

	private final AccountService accounts;

	private final OrganizationService organization;

	private final OneTimePasswords passwords;

	private final SignInLockout lockout;

	private final SecondFactorService secondFactor;

	AccountAdminController(AccountService accounts, OrganizationService organization, OneTimePasswords passwords,
			SignInLockout lockout, SecondFactorService secondFactor) {
		this.accounts = accounts;
		this.organization = organization;
		this.passwords = passwords;
		this.lockout = lockout;
		this.secondFactor = secondFactor;
	}

	@GetMapping("/admin/accounts")
	String list(Model model) {
		var all = this.accounts.all();
		model.addAttribute("accounts", all);
		model.addAttribute("lockedIds", all.stream()
			.map(UserAccount::getId)
			.filter(this.lockout::isLocked)
			.collect(Collectors.toSet()));
		model.addAttribute("departmentsById", departmentsById());
		return VIEW_LIST;
	}

	@GetMapping("/admin/accounts/new")
	String newForm(Model model) {
		model.addAttribute("form", NewAccountForm.empty());
		model.addAttribute("departments", this.organization.departments());
		return VIEW_FORM;
	}

	@PostMapping("/admin/accounts/new")
	String create(@Valid @ModelAttribute("form") NewAccountForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				var created = this.accounts.create(form.toCommand());
				flash.addFlashAttribute("message", "account.created");
				flash.addFlashAttribute("messageArgs", new Object[] { created.getUsername() });
				return "redirect:/admin/accounts";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		model.addAttribute("departments", this.organization.departments());
		return VIEW_FORM;
	}

	@PostMapping("/admin/accounts/{id}/enabled")
	String setEnabled(@PathVariable Long id, @RequestParam boolean enabled, RedirectAttributes flash) {
		try {
			this.accounts.setEnabled(id, enabled);
			flash.addFlashAttribute("message", enabled ? "account.enabled" : "account.disabled");
		}
		catch (NotFoundException | NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/accounts";
	}

	/** A new one-time password, shown once to the administrator, who hands it over; the user must change it. */
	@PostMapping("/admin/accounts/{id}/password-reset")
	String resetPassword(@PathVariable Long id, RedirectAttributes flash) {
		String oneTime = this.passwords.next();
		try {
			this.accounts.resetPassword(id, oneTime);
			flash.addFlashAttribute("message", "password.reset.done");
			flash.addFlashAttribute("messageArgs", new Object[] { this.accounts.account(id).getUsername(), oneTime });
		}
		catch (NotFoundException | NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/accounts";
	}

	@GetMapping("/admin/accounts/{id}/roles")
	String roles(@PathVariable Long id, Model model) {
		var account = this.accounts.account(id);
		model.addAttribute("account", account);
		model.addAttribute("department",
				(account.getDepartmentId() != null) ? departmentsById().get(account.getDepartmentId()) : null);
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("secondFactorEnrolled", this.secondFactor.enrolled(account.getId()));
		return VIEW_ROLES;
	}

	/** 解锁: the system administrator lifts a lock early (after checking who is asking). */
	@PostMapping("/admin/accounts/{id}/unlock")
	String unlock(@PathVariable Long id, RedirectAttributes flash) {
		try {
			this.lockout.unlock(id);
			flash.addFlashAttribute("message", "account.unlocked");
		}
		catch (NotFoundException | NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/accounts";
	}

	/** The security administrator removes a lost authenticator; the owner enrols again at next sign-in. */
	@PostMapping("/admin/accounts/{id}/second-factor-reset")
	String resetSecondFactor(@PathVariable Long id, RedirectAttributes flash) {
		try {
			this.secondFactor.reset(id);
			flash.addFlashAttribute("message", "totp.resetDone");
		}
		catch (NotFoundException | NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/accounts/" + id + "/roles";
	}

	@PostMapping("/admin/accounts/{id}/roles")
	String changeRole(@PathVariable Long id, @RequestParam Role role, @RequestParam boolean granted,
			RedirectAttributes flash) {
		try {
			if (granted) {
				this.accounts.grant(id, role);
			}
			else {
				this.accounts.revoke(id, role);
			}
			flash.addFlashAttribute("message", granted ? "role.granted" : "role.revoked");
		}
		catch (NotFoundException | NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			flash.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/accounts/" + id + "/roles";
	}

	private Map<Long, Department> departmentsById() {
		return this.organization.departments()
			.stream()
			.collect(Collectors.toMap(Department::getId, Function.identity()));
	}

}
