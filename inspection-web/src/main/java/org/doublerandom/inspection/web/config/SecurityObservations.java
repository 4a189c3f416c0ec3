package org.doublerandom.inspection.web.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes nothing: with an observation registry present it wraps each of the chain's
 * filters, the authentication and the authorization in an observation of its own, about 5 % of a public
 * page's CPU, for spans nobody collects (no tracing here). The request as a whole is still measured
 * ({@code http.server.requests} on /actuator/metrics).
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

}
