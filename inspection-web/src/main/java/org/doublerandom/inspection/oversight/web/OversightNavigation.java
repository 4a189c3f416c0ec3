package org.doublerandom.inspection.oversight.web;

import java.util.Set;

import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.web.support.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 统计分析 in the staff navigation: the bureau and the department managers. */
@Configuration(proxyBeanMethods = false)
class OversightNavigation {

	@Bean
	NavigationEntry dashboardNavigation() {
		return new NavigationEntry("nav-oversight", "/oversight/dashboard", "nav.oversight", 60,
				Set.of(Role.BUREAU, Role.DEPT_MANAGER));
	}

}
