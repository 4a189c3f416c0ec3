package org.doublerandom.inspection.account;

import java.util.List;
import java.util.Optional;

import org.doublerandom.inspection.shared.Role;

/** Port: staff accounts. */
public interface UserAccounts {

	Optional<UserAccount> findByUsername(String username);

	Optional<UserAccount> findById(Long id);

	boolean existsByUsername(String username);

	List<UserAccount> findAllByOrderByUsernameAsc();

	List<UserAccount> findByDepartmentIdOrderByUsernameAsc(Long departmentId);

	boolean existsByRolesContaining(Role role);

	long count();

	long countByEnabledTrue();

	UserAccount save(UserAccount account);

}
