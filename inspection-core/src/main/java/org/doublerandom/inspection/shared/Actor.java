package org.doublerandom.inspection.shared;

import java.util.Arrays;
import java.util.Set;

/**
 * Who is acting: the signed-in user (or {@code anonymous}/{@code system}), their roles, department and
 * client address. Services decide permissions and data scope from this, never from the UI.
 */
public record Actor(String username, Set<Role> roles, Long departmentId, String clientAddress) {

	/** The actor of installation and demo-data code; no account may take this name (database check). */
	public static final String SYSTEM = "system";

	/** A visitor who has not signed in; no account may take this name either. */
	public static final String ANONYMOUS = "anonymous";

	public Actor {
		roles = Set.copyOf(roles);
	}

	public static Actor system() {
		return new Actor(SYSTEM, Set.of(), null, null);
	}

	public static boolean isReservedName(String username) {
		return SYSTEM.equals(username) || ANONYMOUS.equals(username);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean hasAny(Role... candidates) {
		return Arrays.stream(candidates).anyMatch(this.roles::contains);
	}

	/** Installation and demo-data code runs as {@code system}, outside any user request. */
	public void requireSystem(String operation) {
		if (!SYSTEM.equals(this.username)) {
			throw new NotPermittedException(operation);
		}
	}

	/** Refuses unless the actor holds one of the roles. */
	public void require(String operation, Role... allowed) {
		if (!hasAny(allowed)) {
			throw new NotPermittedException(operation);
		}
	}

}
