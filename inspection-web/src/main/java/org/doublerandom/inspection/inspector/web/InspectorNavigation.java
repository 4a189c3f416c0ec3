package org.doublerandom.inspection.inspector.web;

import org.doublerandom.inspection.web.support.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 执法检查人员名录库 in the staff navigation, for the business roles (the URL rules and service agree). */
@Configuration(proxyBeanMethods = false)
class InspectorNavigation {

	@Bean
	NavigationEntry inspectorsNavigation() {
		return new NavigationEntry("nav-inspectors", "/registry/inspectors", "nav.inspectors", 40,
				NavigationEntry.BUSINESS);
	}

}
