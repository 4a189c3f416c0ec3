package org.doublerandom.inspection.audit.web;

import org.doublerandom.inspection.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志: the audit administrator reads the trail, newest first. */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("events", this.audit.recent(page, PAGE_SIZE));
		return "audit/list";
	}

}
