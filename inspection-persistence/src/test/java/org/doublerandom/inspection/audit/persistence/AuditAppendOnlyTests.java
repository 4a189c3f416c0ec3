package org.doublerandom.inspection.audit.persistence;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database itself refuses to change or remove audit events. */
@DataJpaTest
class AuditAppendOnlyTests {

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void anEvent() {
		this.jdbc.update("""
				insert into audit_event (occurred_at, actor, actor_roles, action, outcome)
				values (now(), 'someone', 'OFFICER', 'test.event', 'SUCCESS')
				""");
	}

	@Test
	void refusesUpdates() {
		assertThatThrownBy(() -> this.jdbc.update("update audit_event set actor = 'someone-else'"))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
	}

	@Test
	void refusesDeletes() {
		assertThatThrownBy(() -> this.jdbc.update("delete from audit_event")).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
	}

	@Test
	void refusesTruncation() {
		assertThatThrownBy(() -> this.jdbc.execute("truncate audit_event")).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
	}

}
