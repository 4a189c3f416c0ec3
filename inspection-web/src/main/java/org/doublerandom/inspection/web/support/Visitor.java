package org.doublerandom.inspection.web.support;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * For the public layout's header ({@code ${@visitor.signedIn()}}): whether the reader is signed in, as Spring
 * Security's {@code isAuthenticated()} decides. {@code sec:authorize} parsed and evaluated its security expression
 * on every page, twice: about 5 % of a public page's CPU.
 */
@Component("visitor")
public class Visitor {

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	public boolean signedIn() {
		return this.trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
	}

}
