package org.doublerandom.inspection.web.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests are still measured; Spring Security's filters, authentication and authorization are not observed. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityObservationsTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void aPublicPageIsMeasuredAsARequestButTheSecurityChainIsNotObserved() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/public")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(this.meters.find("http.server.requests").tag("uri", "/public").timer())
			.as("the request's timer").isNotNull();
		assertThat(this.meters.getMeters()).extracting(m -> m.getId().getName())
			.noneMatch(name -> name.startsWith("spring.security."));
	}

}
