package org.doublerandom.inspection.disclosure.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * HTTP caching of the public site: every public page, download and API answer carries an ETag (a hash of the
 * body; a conditional GET with the same If-None-Match gets 304 without the body), and visitors without an
 * account get {@code Cache-Control: public, max-age} for a short while
 * (inspection.disclosure.cache-max-age), so that a browser or a proxy in front of the app answers repeat
 * visits. A signed-in member of staff sees their own menu on the public pages: for them the pages stay
 * private and uncached. The evidence ZIP is streamed, never buffered for a hash.
 */
@Configuration(proxyBeanMethods = false)
class PublicCaching {

	static final String[] PATTERNS = { "/public", "/public/*", "/api/public/*" };

	@Bean
	FilterRegistrationBean<PublicCacheControl> publicCacheControl(
			@Value("${inspection.disclosure.cache-max-age:60s}") Duration maxAge) {
		FilterRegistrationBean<PublicCacheControl> registration = new FilterRegistrationBean<>(
				new PublicCacheControl(maxAge));
		registration.addUrlPatterns(PATTERNS);
		registration.setOrder(1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new PublicEtagFilter());
		registration.addUrlPatterns(PATTERNS);
		registration.setOrder(2);
		return registration;
	}

	static boolean streamed(HttpServletRequest request) {
		String uri = request.getRequestURI();
		// the result downloads stream a million rows and tag themselves (OpenResultDataController)
		return uri.endsWith("/evidence") || uri.contains("/public/data/result");
	}

	/** ETags for everything public but the streamed evidence packages. */
	static final class PublicEtagFilter extends ShallowEtagHeaderFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) throws ServletException {
			return streamed(request) || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
		}

	}

	static final class PublicCacheControl extends OncePerRequestFilter {

		private final String header;

		PublicCacheControl(Duration maxAge) {
			this.header = "public, max-age=" + maxAge.toSeconds();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
			boolean anonymous = signedIn == null || signedIn instanceof AnonymousAuthenticationToken
					|| !signedIn.isAuthenticated();
			if (anonymous && "GET".equals(request.getMethod())) {
				response.setHeader("Cache-Control", this.header);
			}
			chain.doFilter(request, response);
		}

	}

}
