package org.doublerandom.inspection.audit;

/** A department as the audit search lists it (the filter's choices and the name beside an event). */
public record AuditDepartment(long id, String code, String name) {

}
