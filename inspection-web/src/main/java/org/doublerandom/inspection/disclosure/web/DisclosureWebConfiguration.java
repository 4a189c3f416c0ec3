package org.doublerandom.inspection.disclosure.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The public search's rate limit (inspection.disclosure.search-rate.requests-per-minute). */
@Configuration(proxyBeanMethods = false)
class DisclosureWebConfiguration implements WebMvcConfigurer {

	static final String[] SEARCHES = { "/public/entities", "/api/public/entities" };

	private final int searchesPerMinute;

	DisclosureWebConfiguration(@Value("${inspection.disclosure.search-rate.requests-per-minute:60}") int searchesPerMinute) {
		this.searchesPerMinute = searchesPerMinute;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new SearchRateLimit(this.searchesPerMinute)).addPathPatterns(SEARCHES);
	}

}
