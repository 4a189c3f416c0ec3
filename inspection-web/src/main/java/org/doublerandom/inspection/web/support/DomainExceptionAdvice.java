package org.doublerandom.inspection.web.support;

import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Domain refusals that a controller did not turn into a field error become the matching error page with a
 * message in the user's language; never a stack trace.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class DomainExceptionAdvice {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex) {
		return page("error/404", HttpStatus.NOT_FOUND, ex);
	}

	@ExceptionHandler(NotPermittedException.class)
	ModelAndView notPermitted(NotPermittedException ex) {
		return page("error/403", HttpStatus.FORBIDDEN, ex);
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView refused(DomainException ex) {
		return page("error/400", HttpStatus.BAD_REQUEST, ex);
	}

	private static ModelAndView page(String view, HttpStatus status, DomainException ex) {
		ModelAndView mav = new ModelAndView(view);
		mav.setStatus(status);
		mav.addObject("reasonKey", ex.messageKey());
		mav.addObject("reasonArgs", ex.arguments());
		return mav;
	}

}
