package org.doublerandom.inspection.web.support;

import jakarta.servlet.http.HttpServletRequest;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the acting user and their department into every page model, for the layout's header. */
@ControllerAdvice
class CurrentUserAdvice {

	private final CurrentActor actor;

	private final OrganizationService organization;

	CurrentUserAdvice(CurrentActor actor, OrganizationService organization) {
		this.actor = actor;
		this.organization = organization;
	}

	@ModelAttribute("me")
	Actor me() {
		return this.actor.get();
	}

	/** For the navigation's active marker. */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@ModelAttribute("myDepartment")
	Department myDepartment() {
		Long id = this.actor.get().departmentId();
		return (id != null) ? this.organization.department(id) : null;
	}

}
