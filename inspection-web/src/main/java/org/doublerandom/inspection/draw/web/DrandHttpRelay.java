package org.doublerandom.inspection.draw.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.doublerandom.inspection.draw.DrandQuicknet;
import org.doublerandom.inspection.draw.DrandRelay;
import org.doublerandom.inspection.draw.DrawInputException;
import org.doublerandom.inspection.draw.SourceValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * drand's public HTTP API for the quicknet chain: {@code GET <relay>/<chain hash>/public/<round>}, relays tried in
 * order (every relay serves the same value of a round, so trying another one is not a choice). An answer counts
 * only when it is for the asked round and its randomness is SHA-256 of its signature.
 */
@Component
class DrandHttpRelay implements DrandRelay {

	private static final Logger log = LoggerFactory.getLogger(DrandHttpRelay.class);

	private static final Pattern ROUND = Pattern.compile("\"round\"\\s*:\\s*(\\d{1,18})");

	private static final Pattern RANDOMNESS = Pattern.compile("\"randomness\"\\s*:\\s*\"([0-9a-fA-F]{64})\"");

	private static final Pattern SIGNATURE = Pattern.compile("\"signature\"\\s*:\\s*\"([0-9a-fA-F]{96})\"");

	private final List<String> relays;

	private final HttpClient http;

	private final Duration timeout;

	DrandHttpRelay(@Value("${inspection.draw.drand-relays:https://api.drand.sh,https://drand.cloudflare.com,https://api2.drand.sh}") List<String> relays,
			@Value("${inspection.draw.drand-timeout:PT10S}") Duration timeout) {
		this.relays = relays.stream().map(String::strip).filter(r -> !r.isEmpty()).map(r -> r.replaceAll("/+$", "")).toList();
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Override
	public Optional<SourceValue.DrandValue> fetch(long round) {
		for (String relay : this.relays) {
			URI uri = URI.create(relay + "/" + DrandQuicknet.CHAIN_HASH + "/public/" + round);
			try {
				HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri).timeout(this.timeout)
					.header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					log.info("drand round {}: {} answered {}", round, relay, response.statusCode());
					continue;
				}
				Optional<SourceValue.DrandValue> value = parse(response.body(), round);
				if (value.isPresent()) {
					return value;
				}
				log.warn("drand round {}: {} sent an answer that is not a valid value of this round", round, relay);
			}
			catch (IOException ex) {
				log.info("drand round {}: {} unreachable ({})", round, relay, ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	/** The value in a relay's JSON answer, if it is of this round and its randomness is SHA-256 of its signature. */
	static Optional<SourceValue.DrandValue> parse(String body, long round) {
		if (body == null || body.length() > 4096) {
			return Optional.empty();
		}
		Matcher r = ROUND.matcher(body);
		Matcher randomness = RANDOMNESS.matcher(body);
		Matcher signature = SIGNATURE.matcher(body);
		if (!r.find() || !randomness.find() || !signature.find() || Long.parseLong(r.group(1)) != round) {
			return Optional.empty();
		}
		try {
			return Optional.of(new SourceValue.DrandValue(round, randomness.group(1).toLowerCase(), signature.group(1).toLowerCase()));
		}
		catch (DrawInputException ex) {
			return Optional.empty();
		}
	}

}
