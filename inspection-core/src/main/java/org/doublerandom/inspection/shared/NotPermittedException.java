package org.doublerandom.inspection.shared;

/** The current actor's roles do not allow the operation (deny by default, checked in the service layer). */
public class NotPermittedException extends DomainException {

	public NotPermittedException(String operation) {
		super("error.notPermitted", null, operation);
	}

}
