package org.doublerandom.inspection.item.web;

import org.doublerandom.inspection.web.support.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 抽查事项清单 in the staff navigation, for the business roles. */
@Configuration(proxyBeanMethods = false)
class ItemNavigation {

	@Bean
	NavigationEntry itemsNavigation() {
		return new NavigationEntry("nav-items", "/items", "nav.items", 20, NavigationEntry.BUSINESS);
	}

}
