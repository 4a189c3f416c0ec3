package org.doublerandom.inspection.result.web;

import java.util.Set;

import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.web.support.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 工作台 (the worklist of drawn targets and their results) in the staff navigation of the business roles. */
@Configuration(proxyBeanMethods = false)
class ResultNavigation {

	@Bean
	NavigationEntry worklistNavigation() {
		return new NavigationEntry("nav-worklist", "/worklist", "nav.worklist", 55, NavigationEntry.BUSINESS);
	}

	/** 非随机检查: recorded by a department, so for its officers and manager. */
	@Bean
	NavigationEntry nonRandomNavigation() {
		return new NavigationEntry("nav-non-random", "/results/other", "nav.nonRandom", 56,
				Set.of(Role.OFFICER, Role.DEPT_MANAGER));
	}

}
