package org.doublerandom.inspection.plan.web;

import org.doublerandom.inspection.web.support.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 抽查计划 in the staff navigation for the business roles; tasks are a tab of the plans pages. */
@Configuration(proxyBeanMethods = false)
class PlanNavigation {

	@Bean
	NavigationEntry plansNavigation() {
		return new NavigationEntry("nav-plans", "/plans", "nav.plans", 50, NavigationEntry.BUSINESS);
	}

}
