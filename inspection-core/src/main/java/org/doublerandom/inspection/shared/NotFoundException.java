package org.doublerandom.inspection.shared;

/** The requested object does not exist, or lies outside the caller's data scope (same answer on purpose). */
public class NotFoundException extends DomainException {

	public NotFoundException(String what, Object id) {
		super("error.notFound", null, what, id);
	}

}
