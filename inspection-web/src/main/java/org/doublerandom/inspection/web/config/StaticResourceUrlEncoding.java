package org.doublerandom.inspection.web.config;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Links to static files go through the resource chain (a webjar link without a version gets its version,
 * {@code /webjars/bootstrap/dist/…} → {@code /webjars/bootstrap/5.3.8/dist/…}); links to pages do not.
 * <p>
 * Spring's own {@link ResourceUrlEncodingFilter} asks the chain about every link a template builds. Boot serves
 * static files under {@code /**}, so a link such as {@code /public/results/123} is looked up as a file in each
 * static location, through every jar of the class path, and a miss is not cached: on a result notice, whose 50
 * rows each link to a detail, that was 70 % of the page's CPU (docs/performance.md, "Per-page CPU of the public
 * pages"). This filter replaces it and asks only about links under the static paths the security configuration
 * serves.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceUrlEncoding {

	/** The static paths: webjars and the folders of classpath:/static (SecurityConfiguration permits the same). */
	static final List<String> STATIC_PREFIXES = List.of("/webjars/", "/css/", "/js/", "/img/");

	/** Typed as Spring's filter, so that Boot's registration of it stands back. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> staticResourceUrlEncodingFilter(
			ObjectProvider<ResourceUrlProvider> provider) {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new StaticOnlyResourceUrlEncodingFilter(provider));
		// as Boot registers Spring's: the error pages build links too
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	static final class StaticOnlyResourceUrlEncodingFilter extends ResourceUrlEncodingFilter {

		/** Looked up once, on the first request: the provider is a bean of the MVC configuration. */
		private final SingletonSupplier<ResourceUrlProvider> provider;

		StaticOnlyResourceUrlEncodingFilter(ObjectProvider<ResourceUrlProvider> provider) {
			this.provider = SingletonSupplier.ofNullable(provider::getIfAvailable);
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out) {
				chain.doFilter(request, new Encoding(http, out, this.provider.get()));
			}
			else {
				chain.doFilter(request, response);
			}
		}

	}

	static final class Encoding extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		private final ResourceUrlProvider provider;

		Encoding(HttpServletRequest request, HttpServletResponse response, ResourceUrlProvider provider) {
			super(response);
			this.request = request;
			this.provider = provider;
		}

		@Override
		public String encodeURL(String url) {
			return super.encodeURL(isStatic(url) ? resolve(url) : url);
		}

		private boolean isStatic(String url) {
			if (this.provider == null) {
				return false;
			}
			String contextPath = this.request.getContextPath();
			if (!url.startsWith(contextPath)) {
				return false;
			}
			for (String prefix : STATIC_PREFIXES) {
				if (url.startsWith(prefix, contextPath.length())) {
					return true;
				}
			}
			return false;
		}

		private String resolve(String url) {
			String resolved = this.provider.getForRequestUrl(this.request, url);
			return (resolved != null) ? resolved : url;
		}

	}

}
