package org.doublerandom.inspection.audit;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Port: reading the chained trail in bulk, with SQL where it matters (the search's filters, streaming a
 * million events in sequence order for the verification and the export).
 */
public interface AuditLedger {

	ChainHead head();

	/** Every event from {@code fromSequenceNo} on, in sequence order, streamed. */
	void forEachInSequence(long fromSequenceNo, Consumer<AuditEntry> consumer);

	/** Newest first. */
	Page<AuditEntry> search(AuditQuery query, Pageable pageable);

	/** Every match, newest first, streamed, at most {@code limit}. */
	void forEachMatching(AuditQuery query, int limit, Consumer<AuditEntry> consumer);

	List<AuditDepartment> departments();

}
