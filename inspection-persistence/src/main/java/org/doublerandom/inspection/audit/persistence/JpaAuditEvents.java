package org.doublerandom.inspection.audit.persistence;

import org.doublerandom.inspection.audit.AuditEvent;
import org.doublerandom.inspection.audit.AuditEvents;
import org.springframework.data.repository.Repository;

interface JpaAuditEvents extends AuditEvents, Repository<AuditEvent, Long> {

}
