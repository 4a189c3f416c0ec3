package org.doublerandom.inspection.home.web;

import org.doublerandom.inspection.overview.OverviewService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final OverviewService overview;

	HomeController(OverviewService overview) {
		this.overview = overview;
	}

	@GetMapping("/home")
	String home(Model model) {
		model.addAttribute("figures", this.overview.figures());
		return "home";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
