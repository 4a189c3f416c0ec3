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
 * An administrator who has given the password but not yet the TOTP code reaches nothing but the second-factor
 * pages (and sign-out): enforced on the server, before any URL rule, so no administrator page is reachable
 * with the password alone. The pending user also holds no role (see {@link StaffUser}).
 */
class SecondFactorFilter extends OncePerRequestFilter {

	static final String VERIFY = "/account/second-factor";

	private static final List<String> ALLOWED_PREFIXES = List.of(VERIFY, "/logout", "/login", "/public", "/webjars/",
			"/css/", "/js/", "/img/", "/error", "/favicon.ico", "/actuator/health");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffUser user
				&& user.isSecondFactorPending() && !allowed(request)) {
			response.sendRedirect(request.getContextPath() + VERIFY);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "/".equals(path) || ALLOWED_PREFIXES.stream().anyMatch(path::startsWith);
	}

}
