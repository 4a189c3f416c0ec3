package org.doublerandom.inspection.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real servlet container: error pages are ours, in Chinese, and never show exception text or a
 * stack trace; every page carries the security headers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ErrorPagesAndHeadersTests.CrashingController.class)
class ErrorPagesAndHeadersTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anUnknownPublicPageGetsOurNotFoundPage() throws Exception {
		HttpResponse<String> response = get("/public/no-such-page");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("页面不存在").doesNotContain("Whitelabel", "Exception");
	}

	@Test
	void aCrashShowsAPoliteErrorPageWithoutExceptionTextOrStackTrace() throws Exception {
		HttpResponse<String> response = get("/public/crash-for-test");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("系统出现问题")
			.doesNotContain("IllegalStateException", "secret detail", "at org.", "Whitelabel");
	}

	@Test
	void aMachineClientGetsAJsonErrorThatAlsoHidesTheException() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/public/crash-for-test")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).doesNotContain("IllegalStateException", "secret detail", "trace");
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		for (String path : new String[] { "/public", "/login", "/public/no-such-page" }) {
			var headers = get(path).headers();
			assertThat(headers.firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self'",
						"object-src 'none'"));
			assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
			assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
			assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
		}
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
		var cookie = get("/login").headers().firstValue("Set-Cookie");
		assertThat(cookie).hasValueSatisfying(value -> assertThat(value).contains("HttpOnly", "SameSite=Lax"));
	}

	@Test
	void healthIsPublicButOtherActuatorEndpointsAreNot() throws Exception {
		var health = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("UP").doesNotContain("postgres", "jdbc");
		assertThat(get("/actuator/env").statusCode()).isIn(302, 403, 404);
		assertThat(get("/actuator/env").body()).doesNotContain("spring.datasource");
	}

	private HttpResponse<String> get(String path) throws Exception {
		// as a browser asks: HTML first
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html,application/xhtml+xml")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration
	@RestController
	static class CrashingController {

		@GetMapping("/public/crash-for-test")
		String crash() {
			throw new IllegalStateException("secret detail that must not leak");
		}

	}

}
