package org.doublerandom.inspection.shared.persistence;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a name search through the registry's bigram index (target_name_bigrams) even where the planner would
 * rather scan the table. Both searches of the registry (the staff's and the public lookup) need it: after a window
 * of the id order the planner prices the heap pages as if the matches were spread over all of them, but the
 * fallback runs exactly when they are not; and a rare text's frequency is only known to be below the least
 * common of the statistics' bigrams, which in a small registry can look like a large share of it. Only inside a
 * transaction (SET LOCAL ends with it); outside one the query runs as planned.
 */
public final class BigramIndexScans {

	private BigramIndexScans() {
	}

	public static <T> T through(JdbcTemplate jdbc, Supplier<T> query) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			return query.get();
		}
		// bitmap scans only: with the table scan off the planner would walk a whole btree instead
		jdbc.execute("set local enable_seqscan = off; set local enable_indexscan = off");
		try {
			return query.get();
		}
		finally {
			jdbc.execute("set local enable_seqscan = on; set local enable_indexscan = on");
		}
	}

}
