package org.doublerandom.inspection.web.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * What accounts add to the filter chain, applied by {@code SecurityConfiguration} in one line: the sign-in
 * rate limit, the session registry (list and end sessions), the second-factor step and the forced password
 * change.
 */
@Component
class AccountSecurityConfigurer extends AbstractHttpConfigurer<AccountSecurityConfigurer, HttpSecurity> {

	private final SessionRegistry sessionRegistry;

	private final int attemptsPerMinute;

	AccountSecurityConfigurer(SessionRegistry sessionRegistry,
			@Value("${inspection.security.sign-in-rate.attempts-per-minute:20}") int attemptsPerMinute) {
		this.sessionRegistry = sessionRegistry;
		this.attemptsPerMinute = attemptsPerMinute;
	}

	/**
	 * Applied by {@code SecurityConfiguration.sessionManagement(...)} (in {@link #init} it would come after the
	 * session strategy is built). -1: no limit on concurrent sessions, but every session is registered, so it
	 * can be listed and ended.
	 */
	void sessions(SessionManagementConfigurer<HttpSecurity> sessions) {
		sessions.sessionFixation(fixation -> fixation.changeSessionId())
			.maximumSessions(-1)
			.sessionRegistry(this.sessionRegistry)
			.expiredUrl("/login?expired");
	}

	@Override
	public void configure(HttpSecurity http) {
		http.addFilterBefore(new SignInRateLimitFilter(this.attemptsPerMinute),
				UsernamePasswordAuthenticationFilter.class);
		http.addFilterAfter(new SecondFactorFilter(), AnonymousAuthenticationFilter.class);
		http.addFilterAfter(new PasswordChangeRequiredFilter(), SecondFactorFilter.class);
	}

}
