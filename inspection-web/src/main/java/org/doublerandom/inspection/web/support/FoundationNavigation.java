package org.doublerandom.inspection.web.support;

import java.util.Set;

import org.doublerandom.inspection.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The navigation entries of the foundation's pages; other features contribute their own beans. */
@Configuration(proxyBeanMethods = false)
class FoundationNavigation {

	static final Set<Role> STAFF = Set.of(Role.values());

	@Bean
	NavigationEntry homeNavigation() {
		return new NavigationEntry("nav-home", "/home", "nav.home", 0, STAFF);
	}

	@Bean
	NavigationEntry myDepartmentNavigation() {
		return new NavigationEntry("nav-my-department", "/my-department", "nav.myDepartment", 10,
				NavigationEntry.BUSINESS);
	}

	@Bean
	NavigationEntry departmentsNavigation() {
		return new NavigationEntry("nav-departments", "/organization/departments", "nav.departments", 80,
				Set.of(Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU, Role.SYS_ADMIN));
	}

	@Bean
	NavigationEntry vocabularyNavigation() {
		return new NavigationEntry("nav-vocabulary", "/vocabulary", "nav.vocabulary", 90, NavigationEntry.BUSINESS);
	}

	@Bean
	NavigationEntry accountsNavigation() {
		return new NavigationEntry("nav-accounts", "/admin/accounts", "nav.accounts", 100, Set.of(Role.SYS_ADMIN));
	}

	@Bean
	NavigationEntry rolesNavigation() {
		return new NavigationEntry("nav-roles", "/admin/accounts", "nav.roles", 100, Set.of(Role.SECURITY_ADMIN));
	}

	@Bean
	NavigationEntry auditNavigation() {
		return new NavigationEntry("nav-audit", "/admin/audit", "nav.audit", 100, Set.of(Role.AUDIT_ADMIN));
	}

}
