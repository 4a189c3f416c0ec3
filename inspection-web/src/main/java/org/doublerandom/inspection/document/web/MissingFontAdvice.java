package org.doublerandom.inspection.document.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A server without the CJK font answers every PDF download (task documents, assessment reports) with the
 * explanation (503), not a stack trace.
 */
@ControllerAdvice
class MissingFontAdvice {

	@ExceptionHandler(CjkFont.MissingFontException.class)
	ModelAndView fontMissing(CjkFont.MissingFontException ex) {
		// the shared error page (web.support.ErrorPages), with the reason in the user's language
		return new ModelAndView("error/page", Map.of("status", 503, "errorKind", "generic", "reasonKey",
				"document.fontMissing", "reasonArgs", new Object[] { ex.file().toString() }), HttpStatus.SERVICE_UNAVAILABLE);
	}

}
