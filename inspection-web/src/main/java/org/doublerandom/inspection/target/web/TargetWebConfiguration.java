package org.doublerandom.inspection.target.web;

import org.doublerandom.inspection.web.support.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TargetWebConfiguration {

	@Bean
	NavigationEntry targetsNavigation() {
		return new NavigationEntry("nav-targets", "/registry/targets", "nav.targets", 30, NavigationEntry.BUSINESS);
	}

}
