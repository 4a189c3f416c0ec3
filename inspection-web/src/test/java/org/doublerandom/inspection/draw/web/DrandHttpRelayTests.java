package org.doublerandom.inspection.draw.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.doublerandom.inspection.draw.DrandQuicknet;
import org.doublerandom.inspection.draw.SourceValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay client against a local server that replays recorded quicknet answers (rounds 2 and 3, see
 * src/test/resources/drand/README.md): never the live network.
 */
class DrandHttpRelayTests {

	static final String SIGNATURE_2 = "b6b6a585449b66eb12e875b64fcbab3799861a00e4dbf092d99e969a5eac57dd3f798acf61e705fe4f093db926626807";

	HttpServer good;

	HttpServer bad;

	final Map<String, String> badAnswers = new ConcurrentHashMap<>();

	static String recorded(long round) throws IOException {
		try (InputStream in = DrandHttpRelayTests.class.getResourceAsStream("/drand/quicknet-round-" + round + ".json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static HttpServer server(java.util.function.Function<String, String> answer) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			String body = answer.apply(exchange.getRequestURI().getPath());
			byte[] bytes = (body == null) ? "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8) : body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders((body == null) ? 404 : 200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.start();
		return server;
	}

	@BeforeEach
	void start() throws IOException {
		String prefix = "/" + DrandQuicknet.CHAIN_HASH + "/public/";
		this.good = server(path -> {
			try {
				return switch (path.replace(prefix, "")) {
					case "2" -> recorded(2);
					case "3" -> recorded(3);
					default -> null;
				};
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		this.bad = server(path -> this.badAnswers.get(path.replace(prefix, "")));
	}

	@AfterEach
	void stop() {
		this.good.stop(0);
		this.bad.stop(0);
	}

	String url(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	DrandHttpRelay relay(String... urls) {
		return new DrandHttpRelay(List.of(urls), Duration.ofSeconds(2));
	}

	@Test
	void aRecordedQuicknetRoundIsFetchedAndItsRandomnessIsTheHashOfItsSignature() {
		Optional<SourceValue.DrandValue> value = relay(url(this.good)).fetch(2);
		assertThat(value).isPresent();
		assertThat(value.get().round()).isEqualTo(2);
		assertThat(value.get().signature()).isEqualTo(SIGNATURE_2);
		assertThat(value.get().randomness()).isEqualTo("5782d6987841c654515a0e72b2d1ebb4e741234042c37cb19608ae50d93fb60c");
		assertThat(relay(url(this.good)).fetch(3)).isPresent();
	}

	@Test
	void aRoundNotYetPublishedOrAnUnreachableRelayGivesNothingSoTheDrawWaits() {
		assertThat(relay(url(this.good)).fetch(99_999_999L)).isEmpty();
		String gone = url(this.good);
		this.good.stop(0);
		assertThat(relay(gone).fetch(2)).isEmpty();
	}

	@Test
	void aForgedOrMisdirectedAnswerIsRefusedAndTheNextRelayIsAsked() throws IOException {
		// randomness that is not SHA-256 of the signature, then the answer of another round
		this.badAnswers.put("2", recorded(2).replace("5782d698", "5782d699"));
		assertThat(relay(url(this.bad)).fetch(2)).isEmpty();
		this.badAnswers.put("2", recorded(3));
		assertThat(relay(url(this.bad)).fetch(2)).isEmpty();
		assertThat(relay(url(this.bad), url(this.good)).fetch(2)).map(SourceValue.DrandValue::signature).contains(SIGNATURE_2);
		assertThat(DrandHttpRelay.parse("{\"round\":2}", 2)).isEmpty();
		assertThat(DrandHttpRelay.parse("x".repeat(5000), 2)).isEmpty();
	}

}
