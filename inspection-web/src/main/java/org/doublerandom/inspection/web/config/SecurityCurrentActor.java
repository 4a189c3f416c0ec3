package org.doublerandom.inspection.web.config;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Tells the services who is acting, from the security context and the current request. */
@Component
class SecurityCurrentActor implements CurrentActor {

	@Override
	public Actor get() {
		HttpServletRequest request = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes attributes) ? attributes.getRequest() : null;
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null && request == null) {
			return Actor.system();
		}
		return actorOf(authentication, request);
	}

	static Actor actorOf(Authentication authentication, HttpServletRequest request) {
		String address = clientAddress(request);
		if (authentication != null && authentication.getPrincipal() instanceof StaffUser user) {
			return new Actor(user.getUsername(), user.getRoles(), user.getDepartmentId(), address);
		}
		return new Actor(Actor.ANONYMOUS, Set.of(), null, address);
	}

	/** The peer address as the servlet container sees it (behind a proxy, configure forwarded headers). */
	static String clientAddress(HttpServletRequest request) {
		return (request != null) ? request.getRemoteAddr() : null;
	}

}
