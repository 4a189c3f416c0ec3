package org.doublerandom.inspection.web.support;

import org.doublerandom.inspection.shared.DomainException;
import org.springframework.beans.BeanUtils;
import org.springframework.validation.BindingResult;

/** Puts a domain refusal on the form field it concerns (or on the form), in the user's language. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void reject(BindingResult result, DomainException ex) {
		if (ex.field() != null && result.getTarget() != null
				&& BeanUtils.getPropertyDescriptor(result.getTarget().getClass(),
						ex.field()) != null) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
		}
		else {
			result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
		}
	}

}
