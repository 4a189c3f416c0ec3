package org.doublerandom.inspection.web.config;

import org.doublerandom.inspection.account.AccountService;
import org.doublerandom.inspection.account.PasswordHasher;
import org.doublerandom.inspection.account.SignInLockout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Deny by default: every URL space is listed with the roles that may use it, and anything unlisted is
 * refused. Services check the roles again for every change and every non-public read, so a forgotten rule
 * here does not open a door.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String[] BUSINESS = { "OFFICER", "DEPT_MANAGER", "BUREAU" };

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SignInAudit signInAudit, DeniedAudit deniedAudit,
			AccountSecurityConfigurer accountSecurity) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/", "/public", "/public/**", "/login", "/error", "/webjars/**", "/css/**", "/js/**",
					"/img/**", "/favicon.ico", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/public/**").permitAll()
			.requestMatchers("/home", "/account/password", "/account/sessions", "/account/sessions/**",
					"/account/second-factor", "/account/second-factor/**")
			.authenticated()
			.requestMatchers("/my-department", "/vocabulary")
			.hasAnyRole(BUSINESS)
			// the registries: services narrow each read and change to the caller's department (data scope)
			.requestMatchers("/items", "/items/**", "/registry/targets", "/registry/targets/**",
					"/registry/inspectors", "/registry/inspectors/**", "/plans", "/plans/**", "/tasks", "/tasks/**")
			.hasAnyRole(BUSINESS)
			.requestMatchers("/vocabulary/*/edit")
			.hasRole("BUREAU")
			.requestMatchers("/organization/departments")
			.hasAnyRole("OFFICER", "DEPT_MANAGER", "BUREAU", "SYS_ADMIN")
			.requestMatchers("/admin/departments/**")
			.hasRole("SYS_ADMIN")
			.requestMatchers("/admin/accounts/*/roles", "/admin/accounts/*/roles/**",
					"/admin/accounts/*/second-factor-reset")
			.hasRole("SECURITY_ADMIN")
			.requestMatchers("/admin/accounts/new", "/admin/accounts/*/enabled", "/admin/accounts/*/password-reset",
					"/admin/accounts/*/unlock")
			.hasRole("SYS_ADMIN")
			.requestMatchers("/admin/accounts")
			.hasAnyRole("SYS_ADMIN", "SECURITY_ADMIN")
			.requestMatchers("/admin/audit", "/admin/audit/**")
			.hasRole("AUDIT_ADMIN")
			// operations figures (JVM, pool, requests) for the system administrator; health stays public
			.requestMatchers("/actuator/metrics", "/actuator/metrics/**")
			.hasRole("SYS_ADMIN")
			.requestMatchers("/oversight", "/oversight/**")
			.hasAnyRole("BUREAU", "DEPT_MANAGER")
			.requestMatchers("/worklist", "/results", "/results/**")
			.hasAnyRole(BUSINESS)
			.requestMatchers("/admin/calendar", "/admin/calendar/**")
			.hasRole("SYS_ADMIN")
			.anyRequest()
			.denyAll())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(signInAudit)
				.failureHandler(signInAudit))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signInAudit))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(deniedAudit))
			.with(accountSecurity, Customizer.withDefaults())
			.sessionManagement(accountSecurity::sessions)
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=()")));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	PasswordHasher passwordHasher(PasswordEncoder encoder) {
		return new PasswordHasher() {

			@Override
			public String hash(CharSequence rawPassword) {
				return encoder.encode(rawPassword);
			}

			@Override
			public boolean matches(CharSequence rawPassword, String hash) {
				return encoder.matches(rawPassword, hash);
			}

		};
	}

	@Bean
	UserDetailsService userDetailsService(AccountService accounts, SignInLockout lockout) {
		return username -> accounts.forSignIn(username)
			.map(account -> new StaffUser(account, lockout.isLocked(account.getId()), accounts.passwordExpired(account)))
			// the same answer for unknown users and wrong passwords: the message never says which
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	/**
	 * Locked and disabled accounts are refused only after the password has been checked, so that the time of
	 * the answer does not tell a locked account from a wrong password either.
	 */
	@Bean
	DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		return provider;
	}

}
