package org.doublerandom.inspection.account.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.doublerandom.inspection.account.SignInFailures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** One statement per change, so that simultaneous failed sign-ins are each counted (no lost update). */
@Repository
class JdbcSignInFailures implements SignInFailures {

	private final JdbcTemplate jdbc;

	JdbcSignInFailures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Instant> lockedUntil(Long accountId) {
		return this.jdbc
			.query("select locked_until from sign_in_failure where user_account_id = ?",
					(rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant), accountId)
			.stream()
			.findFirst()
			.flatMap(until -> until);
	}

	@Override
	public int countFailure(Long accountId, Instant now, Duration window) {
		Timestamp at = Timestamp.from(now);
		Timestamp windowStart = Timestamp.from(now.minus(window));
		Integer count = this.jdbc.queryForObject("""
				insert into sign_in_failure as f (user_account_id, failures, window_started_at)
				values (?, 1, ?)
				on conflict (user_account_id) do update
				   set failures = case when f.window_started_at < ? then 1 else f.failures + 1 end,
				       window_started_at = case when f.window_started_at < ? then excluded.window_started_at
				                                else f.window_started_at end
				returning failures""", Integer.class, accountId, at, windowStart, windowStart);
		return (count != null) ? count : 0;
	}

	@Override
	public void lock(Long accountId, Instant until) {
		this.jdbc.update("""
				insert into sign_in_failure (user_account_id, failures, window_started_at, locked_until)
				values (?, 0, ?, ?)
				on conflict (user_account_id) do update set failures = 0, locked_until = excluded.locked_until,
				       window_started_at = excluded.window_started_at""", accountId, Timestamp.from(until),
				Timestamp.from(until));
	}

	@Override
	public void clear(Long accountId) {
		this.jdbc.update("delete from sign_in_failure where user_account_id = ?", accountId);
	}

}
