package org.doublerandom.inspection.calendar.web;

import java.util.Set;

import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.web.support.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 工作日历 in the system administrator's navigation. */
@Configuration(proxyBeanMethods = false)
class CalendarNavigation {

	@Bean
	NavigationEntry calendarNavigationEntry() {
		return new NavigationEntry("nav-calendar", "/admin/calendar", "nav.calendar", 85, Set.of(Role.SYS_ADMIN));
	}

}
