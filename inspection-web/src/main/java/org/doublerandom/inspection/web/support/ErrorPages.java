package org.doublerandom.inspection.web.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error, whatever its status, is shown by one template in the user's language. The model carries the
 * status and which explanation to show, never the exception or its message.
 */
@Component
class ErrorPages implements ErrorViewResolver {

	static final String VIEW = "error/page";

	private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 429, 500, 503);

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		return page(status, null, null);
	}

	static ModelAndView page(HttpStatus status, String reasonKey, Object[] reasonArgs) {
		Map<String, Object> model = new HashMap<>();
		model.put("status", status.value());
		model.put("errorKind", EXPLAINED.contains(status.value()) ? String.valueOf(status.value()) : "generic");
		if (reasonKey != null) {
			model.put("reasonKey", reasonKey);
			model.put("reasonArgs", reasonArgs);
		}
		return new ModelAndView(VIEW, model, status);
	}

}
