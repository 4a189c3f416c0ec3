package org.doublerandom.inspection.item.web;

import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.web.support.FormErrors;
import org.springframework.validation.BindingResult;

/**
 * A rule's refusal goes on the form; a refusal of access does not: it must stay a 403 or 404 page, so it is
 * thrown on to the shared advice.
 */
final class ItemRefusals {

	private ItemRefusals() {
	}

	static void reject(BindingResult result, DomainException ex) {
		rethrowAccess(ex);
		FormErrors.reject(result, ex);
	}

	static void rethrowAccess(DomainException ex) {
		if (ex instanceof NotPermittedException || ex instanceof NotFoundException) {
			throw ex;
		}
	}

}
