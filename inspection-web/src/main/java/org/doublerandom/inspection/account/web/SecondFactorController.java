package org.doublerandom.inspection.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.doublerandom.inspection.account.AccountService;
import org.doublerandom.inspection.account.Base32;
import org.doublerandom.inspection.account.SecondFactorService;
import org.doublerandom.inspection.account.SignInLockout;
import org.doublerandom.inspection.account.Totp;
import org.doublerandom.inspection.account.UserAccount;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.web.support.FormErrors;
import org.doublerandom.inspection.web.support.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 双因素认证: after the password, an administrator gives the TOTP code of their authenticator app, or, the
 * first time, enrols the app by scanning a QR code and proving it with a code. Open only while the second
 * factor is pending; too many wrong codes lock the account and end the session.
 */
@Controller
class SecondFactorController {

	static final String VIEW_VERIFY = "account/second-factor";

	static final String VIEW_ENROL = "account/second-factor-enrol";

	/** The secret being enrolled lives in the session until the user proves their app holds it. */
	static final String ENROLLING = SecondFactorController.class.getName() + ".secret";

	private final AccountService accounts;

	private final SecondFactorService secondFactor;

	private final SignInLockout lockout;

	private final SignedInUser signedIn;

	private final CurrentActor actor;

	private final TotpSecrets secrets;

	private final String issuer;

	SecondFactorController(AccountService accounts, SecondFactorService secondFactor, SignInLockout lockout,
			SignedInUser signedIn, CurrentActor actor, TotpSecrets secrets,
			@Value("${inspection.security.totp.issuer:鄂尔多斯双随机一公开}") String issuer) {
		this.accounts = accounts;
		this.secondFactor = secondFactor;
		this.lockout = lockout;
		this.signedIn = signedIn;
		this.actor = actor;
		this.secrets = secrets;
		this.issuer = issuer;
	}

	@GetMapping("/account/second-factor")
	String verifyForm(Model model) {
		if (!this.signedIn.secondFactorPending()) {
			return "redirect:/home";
		}
		if (!this.secondFactor.enrolled(me().getId())) {
			return "redirect:/account/second-factor/enrol";
		}
		model.addAttribute("form", CodeForm.empty());
		return VIEW_VERIFY;
	}

	@PostMapping("/account/second-factor")
	String verify(@Valid @ModelAttribute("form") CodeForm form, BindingResult result, HttpServletRequest request) {
		if (!this.signedIn.secondFactorPending()) {
			return "redirect:/home";
		}
		if (result.hasErrors()) {
			return VIEW_VERIFY;
		}
		UserAccount account = me();
		try {
			if (this.secondFactor.verify(form.code())) {
				this.signedIn.secondFactorVerified();
				return "redirect:/home";
			}
		}
		catch (DomainException ex) {
			if ("totp.notEnrolled".equals(ex.messageKey())) {
				return "redirect:/account/second-factor/enrol";
			}
			FormErrors.reject(result, ex);
			return VIEW_VERIFY;
		}
		if (this.lockout.isLocked(account.getId())) {
			return endSession(request);
		}
		result.rejectValue("code", "totp.codeWrong");
		return VIEW_VERIFY;
	}

	@GetMapping("/account/second-factor/enrol")
	String enrolForm(Model model, HttpSession session) {
		if (!this.signedIn.secondFactorPending()) {
			return "redirect:/home";
		}
		UserAccount account = me();
		if (this.secondFactor.enrolled(account.getId())) {
			return "redirect:/account/second-factor";
		}
		model.addAttribute("form", CodeForm.empty());
		enrolment(model, session, account);
		return VIEW_ENROL;
	}

	@PostMapping("/account/second-factor/enrol")
	String enrol(@Valid @ModelAttribute("form") CodeForm form, BindingResult result, Model model,
			HttpSession session, HttpServletRequest request, RedirectAttributes flash) {
		if (!this.signedIn.secondFactorPending()) {
			return "redirect:/home";
		}
		UserAccount account = me();
		if (!result.hasErrors() && session.getAttribute(ENROLLING) instanceof byte[] secret) {
			try {
				if (this.secondFactor.enrol(secret, form.code())) {
					session.removeAttribute(ENROLLING);
					this.signedIn.secondFactorVerified();
					flash.addFlashAttribute("message", "totp.enrolled");
					return "redirect:/home";
				}
				if (this.lockout.isLocked(account.getId())) {
					return endSession(request);
				}
				result.rejectValue("code", "totp.codeWrong");
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		enrolment(model, session, account);
		return VIEW_ENROL;
	}

	private void enrolment(Model model, HttpSession session, UserAccount account) {
		byte[] secret = (session.getAttribute(ENROLLING) instanceof byte[] pending) ? pending : this.secrets.next();
		session.setAttribute(ENROLLING, secret);
		model.addAttribute("qrCode", QrCodes.pngDataUri(Totp.uri(this.issuer, account.getUsername(), secret)));
		model.addAttribute("manualKey", Base32.grouped(secret));
		model.addAttribute("issuer", this.issuer);
	}

	/** Locked by wrong codes: the half-signed-in session ends, and sign-in shows the usual message. */
	private String endSession(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:/login?error";
	}

	private UserAccount me() {
		String username = this.actor.get().username();
		return this.accounts.forSignIn(username).orElseThrow(() -> new NotFoundException("account", username));
	}

}
