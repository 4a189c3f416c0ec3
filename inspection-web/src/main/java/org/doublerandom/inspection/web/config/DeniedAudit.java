package org.doublerandom.inspection.web.config;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.stereotype.Component;

/** A signed-in user refused by the URL rules is recorded (数据越权尝试), then shown the 403 page. */
@Component
class DeniedAudit implements AccessDeniedHandler {

	private final AuditTrail audit;

	private final AccessDeniedHandler delegate = new AccessDeniedHandlerImpl();

	DeniedAudit(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		this.audit.recordStandalone(
				SecurityCurrentActor.actorOf(SecurityContextHolder.getContext().getAuthentication(), request),
				"access.denied", AuditOutcome.DENIED, request.getMethod() + " " + request.getRequestURI());
		this.delegate.handle(request, response, denied);
	}

}
