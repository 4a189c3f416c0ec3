package org.doublerandom.inspection.audit;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The audit port for unit tests: keeps what the trail writes in the list it is given. */
public final class RecordingAuditEvents implements AuditEvents {

	private final List<AuditEvent> recorded;

	public RecordingAuditEvents(List<AuditEvent> recorded) {
		this.recorded = recorded;
	}

	@Override
	public AuditEvent save(AuditEvent event) {
		this.recorded.add(event);
		return event;
	}

	@Override
	public Page<AuditEvent> findAllByOrderByIdDesc(Pageable pageable) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Page<AuditEvent> findByActorOrderByIdDesc(String actor, Pageable pageable) {
		throw new UnsupportedOperationException();
	}

	@Override
	public List<AuditEvent> findTop100ByObjectTypeAndObjectIdOrderByIdDesc(String objectType, String objectId) {
		return List.of();
	}

	@Override
	public long count() {
		return this.recorded.size();
	}

	@Override
	public void flush() {
	}

}
