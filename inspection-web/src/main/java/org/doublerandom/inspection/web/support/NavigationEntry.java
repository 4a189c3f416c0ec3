package org.doublerandom.inspection.web.support;

import java.util.Set;

import org.doublerandom.inspection.shared.Role;

/**
 * One item of the staff navigation bar, contributed by a feature as a bean. The layout shows an entry only to
 * the roles listed here; the URL rules and the services refuse everyone else anyway.
 *
 * @param id the element id (browser tests find entries by it)
 * @param path where it leads; also the prefix that marks it active
 * @param labelKey message key of its label
 * @param order position from the left
 * @param roles who sees it
 */
public record NavigationEntry(String id, String path, String labelKey, int order, Set<Role> roles) {

	public NavigationEntry {
		roles = Set.copyOf(roles);
	}

	public static final Set<Role> BUSINESS = Set.of(Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);

	boolean activeFor(String currentPath) {
		return currentPath.equals(this.path) || currentPath.startsWith(this.path + "/");
	}

}
