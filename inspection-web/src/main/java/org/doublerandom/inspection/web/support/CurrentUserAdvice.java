package org.doublerandom.inspection.web.support;

import java.util.Comparator;
import java.util.List;

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

	private final List<NavigationEntry> navigation;

	CurrentUserAdvice(CurrentActor actor, OrganizationService organization, List<NavigationEntry> navigation) {
		this.actor = actor;
		this.organization = organization;
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
	}

	/** The navigation entries the signed-in user's roles may see, in order. */
	@ModelAttribute("navigation")
	List<NavigationEntry> navigation() {
		Actor me = this.actor.get();
		return this.navigation.stream().filter(entry -> entry.roles().stream().anyMatch(me::has)).toList();
	}

	@ModelAttribute("activeNavigation")
	String activeNavigation(HttpServletRequest request) {
		String path = currentPath(request);
		return navigation().stream()
			.filter(entry -> entry.activeFor(path))
			.map(NavigationEntry::id)
			.findFirst()
			.orElse("");
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
