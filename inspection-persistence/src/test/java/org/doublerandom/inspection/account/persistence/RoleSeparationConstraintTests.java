package org.doublerandom.inspection.account.persistence;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 三员分立 holds in the database even for writes that bypass the service layer. */
@DataJpaTest
class RoleSeparationConstraintTests {

	@Autowired
	JdbcTemplate jdbc;

	long accountId;

	@BeforeEach
	void anAccount() {
		this.accountId = this.jdbc.queryForObject("""
				insert into user_account (username, display_name, password_hash, department_id, password_changed_at, created_at)
				values ('someone', '某人', '{bcrypt}$2a$10$abcdefghijklmnopqrstuv', null, now(), now()) returning id
				""", Long.class);
	}

	@Test
	void refusesASecondAdministratorRole() {
		grant("SYS_ADMIN");
		assertThatThrownBy(() -> grant("AUDIT_ADMIN")).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("separation of duties");
	}

	@Test
	void refusesABusinessRoleToAnAdministrator() {
		grant("SECURITY_ADMIN");
		assertThatThrownBy(() -> grant("OFFICER")).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void allowsSeveralBusinessRoles() {
		grant("OFFICER");
		assertThatCode(() -> grant("DEPT_MANAGER")).doesNotThrowAnyException();
	}

	private void grant(String role) {
		this.jdbc.update("insert into user_account_role (user_account_id, role) values (?, ?)", this.accountId, role);
	}

}
