package org.doublerandom.inspection.web.config;

import java.util.function.UnaryOperator;

import org.doublerandom.inspection.web.support.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

@Component
class SessionSignedInUser implements SignedInUser {

	@Override
	public void passwordChanged() {
		replace(StaffUser::withPasswordChanged);
	}

	@Override
	public void secondFactorVerified() {
		replace(StaffUser::withSecondFactorVerified);
	}

	@Override
	public boolean secondFactorPending() {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		return current != null && current.getPrincipal() instanceof StaffUser user && user.isSecondFactorPending();
	}

	/** Replaces the principal of this request and of its session (the session id stays). */
	static void replace(UnaryOperator<StaffUser> change) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof StaffUser user) {
			StaffUser updated = change.apply(user);
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
			SecurityContextHolder.setContext(context);
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			if (attributes != null) {
				attributes.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context,
						RequestAttributes.SCOPE_SESSION);
			}
		}
	}

}
