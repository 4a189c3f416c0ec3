package org.doublerandom.inspection.web.support;

import jakarta.servlet.http.HttpServletRequest;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.spreadsheet.ReadLimits;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Domain refusals that a controller did not turn into a field error become the matching error page with a
 * message in the user's language; never a stack trace.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class DomainExceptionAdvice {

	private final AuditTrail audit;

	private final CurrentActor actor;

	DomainExceptionAdvice(AuditTrail audit, CurrentActor actor) {
		this.audit = audit;
		this.actor = actor;
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		return ErrorPages.page(HttpStatus.NOT_FOUND, ex.messageKey(), ex.arguments());
	}

	/** Refused by a service's role check: recorded like a refusal by the URL rules. */
	@ExceptionHandler(NotPermittedException.class)
	ModelAndView notPermitted(NotPermittedException ex, HttpServletRequest request) {
		this.audit.recordStandalone(this.actor.get(), "access.denied", AuditOutcome.DENIED,
				request.getMethod() + " " + request.getRequestURI() + " " + ex.arguments()[0]);
		return ErrorPages.page(HttpStatus.FORBIDDEN, ex.messageKey(), ex.arguments());
	}

	/** An upload above the configured size: a message in the user's language, not a broken connection. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView uploadTooLarge(MaxUploadSizeExceededException ex) {
		return ErrorPages.page(HttpStatus.PAYLOAD_TOO_LARGE, "file.tooLarge",
				new Object[] { ReadLimits.describe(Math.max(ex.getMaxUploadSize(), 0)) });
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView refused(DomainException ex) {
		return ErrorPages.page(HttpStatus.BAD_REQUEST, ex.messageKey(), ex.arguments());
	}

}
