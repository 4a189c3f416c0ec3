package org.doublerandom.inspection.audit;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** Port: the append-only audit trail. */
public interface AuditEvents {

	AuditEvent save(AuditEvent event);

	Page<AuditEvent> findAllByOrderByIdDesc(Pageable pageable);

	Page<AuditEvent> findByActorOrderByIdDesc(String actor, Pageable pageable);

	List<AuditEvent> findTop100ByObjectTypeAndObjectIdOrderByIdDesc(String objectType, String objectId);

	long count();

	/**
	 * Writes the transaction's pending changes now. The audit insert takes the chain-head lock, held until
	 * commit; flushing first keeps the business statements out of that serialised window.
	 */
	void flush();

}
