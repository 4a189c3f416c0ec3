package org.doublerandom.inspection.web.config;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.account.SignInLockout;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.web.config.AccountSecuritySettings.SessionTimeouts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Sign-in, failed sign-in and sign-out each become an audit event, then continue as usual. A failure counts
 * towards the account's lock; whatever the reason (unknown user, wrong password, locked, disabled), the page
 * shows the same message. A successful sign-in gets the idle timeout of its roles and is registered with
 * its browser and address; an administrator then owes the TOTP code.
 */
@Component
class SignInAudit implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

	private static final Pattern USERNAME_SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

	private final AuditTrail audit;

	private final SignInLockout lockout;

	private final SignedInSessions sessions;

	private final SessionTimeouts timeouts;

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();

	private final SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler(
			"/login?error");

	private final SimpleUrlLogoutSuccessHandler logout = new SimpleUrlLogoutSuccessHandler();

	SignInAudit(AuditTrail audit, SignInLockout lockout, SignedInSessions sessions, SessionTimeouts timeouts) {
		this.audit = audit;
		this.lockout = lockout;
		this.sessions = sessions;
		this.timeouts = timeouts;
		this.success.setDefaultTargetUrl("/home");
		this.logout.setDefaultTargetUrl("/login?logout");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		this.audit.recordStandalone(SecurityCurrentActor.actorOf(authentication, request), "auth.signIn",
				AuditOutcome.SUCCESS, null);
		this.sessions.signedIn(request);
		if (authentication.getPrincipal() instanceof StaffUser user) {
			request.getSession().setMaxInactiveInterval(this.timeouts.secondsFor(user));
			if (user.isAdministrator()) {
				// the password alone opens nothing: the roles wait for the TOTP code
				pending(user.withSecondFactorPending(), request, response);
				response.sendRedirect(request.getContextPath() + SecondFactorFilter.VERIFY);
				return;
			}
			this.lockout.succeeded(user.getAccountId());
		}
		this.success.onAuthenticationSuccess(request, response, authentication);
	}

	private void pending(StaffUser user, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
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
		String address = SecurityCurrentActor.clientAddress(request);
		this.audit.recordStandalone(new Actor(username, Set.of(), null, address), "auth.signIn",
				AuditOutcome.FAILURE, exception.getClass().getSimpleName());
		if (!"(invalid)".equals(username)) {
			this.lockout.failed(username, address);
		}
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
