package org.doublerandom.inspection.account.web;

import jakarta.servlet.http.HttpSession;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.web.config.SignedInSessions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的会话: where the signed-in user is signed in, and ending any of those sessions but this one. */
@Controller
class SessionsController {

	private final SignedInSessions sessions;

	private final CurrentActor actor;

	SessionsController(SignedInSessions sessions, CurrentActor actor) {
		this.sessions = sessions;
		this.actor = actor;
	}

	@GetMapping("/account/sessions")
	String list(Model model, HttpSession session) {
		model.addAttribute("sessions", this.sessions.of(this.actor.get().username(), session.getId()));
		return "account/sessions";
	}

	@PostMapping("/account/sessions/end")
	String end(@RequestParam(defaultValue = "") String handle, HttpSession session, RedirectAttributes flash) {
		String username = this.actor.get().username();
		boolean current = this.sessions.of(username, session.getId())
			.stream()
			.anyMatch(view -> view.current() && view.handle().equals(handle));
		if (current) {
			flash.addFlashAttribute("error", "session.refused.current");
		}
		else if (this.sessions.end(username, handle)) {
			flash.addFlashAttribute("message", "session.ended");
		}
		else {
			flash.addFlashAttribute("error", "session.unknown");
		}
		return "redirect:/account/sessions";
	}

	@PostMapping("/account/sessions/end-others")
	String endOthers(HttpSession session, RedirectAttributes flash) {
		int ended = this.sessions.endAll(this.actor.get().username(), session.getId());
		flash.addFlashAttribute("message", "session.endedOthers");
		flash.addFlashAttribute("messageArgs", new Object[] { ended });
		return "redirect:/account/sessions";
	}

}
