package org.doublerandom.inspection.disclosure.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/** The public search's 429: a page in the visitor's language, or a JSON problem for the API, with Retry-After. */
@ControllerAdvice(basePackageClasses = DisclosureErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DisclosureErrors {

	@ExceptionHandler(SearchRateLimit.SearchRateExceeded.class)
	ModelAndView tooManySearches(SearchRateLimit.SearchRateExceeded ex, HttpServletRequest request,
			HttpServletResponse response) {
		response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
		response.setHeader("Cache-Control", "no-store");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			long seconds = ex.retryAfterSeconds();
			View problem = (model, req, res) -> {
				res.setContentType("application/problem+json");
				res.setCharacterEncoding("UTF-8");
				res.getWriter().write("{\"status\":429,\"title\":\"Too Many Requests\",\"retryAfterSeconds\":" + seconds + "}");
			};
			ModelAndView json = new ModelAndView(problem);
			json.setStatus(HttpStatus.TOO_MANY_REQUESTS);
			return json;
		}
		ModelAndView page = new ModelAndView("disclosure/rate-limited", Map.of("retryAfter", ex.retryAfterSeconds()));
		page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
		return page;
	}

}
