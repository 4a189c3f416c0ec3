package org.doublerandom.inspection.web.config;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.shared.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.stereotype.Component;

/** Sign-in, failed sign-in and sign-out each become an audit event, then continue as usual. */
@Component
class SignInAudit implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

	private static final Pattern USERNAME_SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

	private final AuditTrail audit;

	private final SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();

	private final SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler(
			"/login?error");

	private final SimpleUrlLogoutSuccessHandler logout = new SimpleUrlLogoutSuccessHandler();

	SignInAudit(AuditTrail audit) {
		this.audit = audit;
		this.success.setDefaultTargetUrl("/home");
		this.logout.setDefaultTargetUrl("/login?logout");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		this.audit.recordStandalone(SecurityCurrentActor.actorOf(authentication, request), "auth.signIn",
				AuditOutcome.SUCCESS, null);
		this.success.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		String username = request.getParameter("username");
		// only something shaped like a username is recorded: a password typed into the wrong field is not
		if (username == null || !USERNAME_SHAPE.matcher(username.strip()).matches()) {
			username = "(invalid)";
		}
		else {
			username = username.strip().toLowerCase(Locale.ROOT);
		}
		this.audit.recordStandalone(new Actor(username, Set.of(), null, SecurityCurrentActor.clientAddress(request)),
				"auth.signIn", AuditOutcome.FAILURE, exception.getClass().getSimpleName());
		this.failure.onAuthenticationFailure(request, response, exception);
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication != null) {
			this.audit.recordStandalone(SecurityCurrentActor.actorOf(authentication, request), "auth.signOut",
					AuditOutcome.SUCCESS, null);
		}
		this.logout.onLogoutSuccess(request, response, authentication);
	}

}
