package org.doublerandom.inspection.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.util.WebUtils;

/**
 * MockMvc keeps no cookies, so the tests' habit of carrying a {@link MockHttpSession} from request to request
 * would lose the Spring Session (stored in PostgreSQL, named by the SESSION cookie). This resolver, in test
 * contexts only, also remembers the Spring Session id in the MockHttpSession, and reads it back when a request
 * brings no cookie. Real HTTP requests (browser tests, RANDOM_PORT tests) go through the cookie as in
 * production: the fallback applies to MockMvc's requests only.
 */
@Configuration(proxyBeanMethods = false)
public class MockMvcSessionBridge {

	static final String SESSION_ID = MockMvcSessionBridge.class.getName() + ".SESSION_ID";

	/** The id of the Spring Session this MockHttpSession stands for, or null. */
	public static String id(MockHttpSession session) {
		return (String) session.getAttribute(SESSION_ID);
	}

	/** Wraps the session filter's resolver: the cookie one Boot configures (HttpOnly, SameSite) stays in charge. */
	@Bean
	static BeanPostProcessor mockMvcSessionBridgePostProcessor(ObjectProvider<CookieSerializer> cookieSerializer) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof SessionRepositoryFilter<?> filter) {
					CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
					cookies.setCookieSerializer(cookieSerializer.getObject());
					filter.setHttpSessionIdResolver(new Resolver(cookies));
				}
				return bean;
			}
		};
	}

	static final class Resolver implements HttpSessionIdResolver {

		private final CookieHttpSessionIdResolver cookies;

		Resolver(CookieHttpSessionIdResolver cookies) {
			this.cookies = cookies;
		}

		@Override
		public List<String> resolveSessionIds(HttpServletRequest request) {
			List<String> fromCookie = this.cookies.resolveSessionIds(request);
			if (!fromCookie.isEmpty()) {
				return fromCookie;
			}
			HttpSession carried = carried(request, false);
			Object id = (carried != null) ? attribute(carried) : null;
			return (id instanceof String value) ? List.of(value) : List.of();
		}

		@Override
		public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
			this.cookies.setSessionId(request, response, sessionId);
			HttpSession carried = carried(request, true);
			if (carried != null) {
				carried.setAttribute(SESSION_ID, sessionId);
			}
		}

		@Override
		public void expireSession(HttpServletRequest request, HttpServletResponse response) {
			this.cookies.expireSession(request, response);
			HttpSession carried = carried(request, false);
			if (carried != null && attribute(carried) != null) {
				carried.removeAttribute(SESSION_ID);
			}
		}

		private static HttpSession carried(HttpServletRequest request, boolean create) {
			MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
			return (mock != null) ? mock.getSession(create) : null;
		}

		private static Object attribute(HttpSession session) {
			try {
				return session.getAttribute(SESSION_ID);
			}
			catch (IllegalStateException invalidated) {
				return null;
			}
		}

	}

}
