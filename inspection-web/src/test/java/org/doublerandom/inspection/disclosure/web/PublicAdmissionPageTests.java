package org.doublerandom.inspection.disclosure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real servlet container, with one public page at a time: a visitor who waits longer than the
 * admission allows gets our busy page in Chinese with Retry-After, and the site answers again once the page
 * before has ended.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "inspection.disclosure.concurrent-pages=1", "inspection.disclosure.admission-wait=300ms" })
@Import(PublicAdmissionPageTests.SlowController.class)
class PublicAdmissionPageTests {

	static final CountDownLatch ENTERED = new CountDownLatch(1);

	static final CountDownLatch RELEASE = new CountDownLatch(1);

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void visitorBeyondTheAdmissionGetsTheBusyPageAndTheSiteAnswersAgainAfterwards() throws Exception {
		CompletableFuture<HttpResponse<String>> slow = this.http.sendAsync(request("/public/slow-for-test"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(ENTERED.await(10, TimeUnit.SECONDS)).as("the slow page holds the only permit").isTrue();

		HttpResponse<String> turnedAway = this.http.send(request("/public/items"), HttpResponse.BodyHandlers.ofString());

		assertThat(turnedAway.statusCode()).isEqualTo(503);
		assertThat(turnedAway.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(turnedAway.body()).contains("系统繁忙", "请稍候几秒再试", "前往公示网站")
			.doesNotContain("Exception", "Whitelabel", "回到工作台");
		assertThat(turnedAway.headers().firstValue("Cache-Control")).as("a proxy must not keep the 503")
			.hasValue("no-store");

		RELEASE.countDown();
		assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		assertThat(this.http.send(request("/public/items"), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);
	}

	HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).header("Accept", "text/html")
			.build();
	}

	@RestController
	static class SlowController {

		@GetMapping("/public/slow-for-test")
		String slow() throws InterruptedException {
			ENTERED.countDown();
			RELEASE.await(10, TimeUnit.SECONDS);
			return "done";
		}

	}

}
