package org.doublerandom.inspection.web.support;

import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.springframework.beans.BeanUtils;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

	/**
	 * A refusal carried over a redirect (Post/Redirect/Get): the page after it shows the message with its
	 * arguments, at the field when it names one.
	 */
	public static void flash(RedirectAttributes flash, DomainException ex) {
		flash.addFlashAttribute("refusal", ex.messageKey());
		flash.addFlashAttribute("refusalArgs", ex.arguments());
		flash.addFlashAttribute("refusalField", ex.field());
	}

	/**
	 * A workflow button: the step runs, and the next page says it is done or why it was refused. "Not found"
	 * and "not permitted" are not refusals of the step; they go on to their own error pages.
	 */
	public static void step(RedirectAttributes flash, String doneKey, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("message", doneKey);
		}
		catch (NotFoundException | NotPermittedException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			flash(flash, ex);
		}
	}

	/**
	 * A list filter whose values cannot be bound (an unknown choice, letters for a page number) came from an
	 * edited address, since the form offers only valid values: the 400 page, rather than a list built on a
	 * half-bound filter.
	 */
	public static void refuseUnboundFilter(BindingResult filter) {
		if (filter.hasErrors()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

}
