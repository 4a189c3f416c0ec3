package org.doublerandom.inspection.web.config;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account whose password was set by someone else (or by the installer), or has expired, can do nothing
 * but change it (after the second factor, for an administrator):
 * enforced on the server, so a bookmark or a script cannot get around the change-password page.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String CHANGE_PASSWORD = "/account/password";

	private static final List<String> ALLOWED_PREFIXES = List.of(CHANGE_PASSWORD, "/logout", "/login", "/public",
			"/webjars/", "/css/", "/js/", "/img/", "/error", "/favicon.ico", "/actuator/health");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffUser user
				&& user.isMustChangePassword() && !user.isSecondFactorPending() && !allowed(request)) {
			response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "/".equals(path) || ALLOWED_PREFIXES.stream().anyMatch(path::startsWith);
	}

}
