package org.doublerandom.inspection.disclosure.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * 防滥用: each client address may run a limited number of public searches a minute (a Bucket4j token bucket
 * refilled greedily, like the sign-in limit); beyond that the search answers HTTP 429 with a page that says
 * when to try again, and a Retry-After header. The search is the only public read that costs a query over
 * the whole registry; the notices are served from cache. Buckets live in this instance's memory (Caffeine,
 * forgotten after ten idle minutes).
 */
class SearchRateLimit implements HandlerInterceptor {

	private final int requestsPerMinute;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	SearchRateLimit(int requestsPerMinute) {
		if (requestsPerMinute < 1) {
			throw new IllegalArgumentException("inspection.disclosure.search-rate.requests-per-minute must be positive");
		}
		this.requestsPerMinute = requestsPerMinute;
	}

	/** The empty search form costs nothing and is not counted. */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request.getParameter("q") == null) {
			return true;
		}
		String address = String.valueOf(request.getRemoteAddr());
		ConsumptionProbe probe = this.buckets.get(address, key -> newBucket()).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new SearchRateExceeded(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
		}
		return true;
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.requestsPerMinute)
				.refillGreedy(this.requestsPerMinute, Duration.ofMinutes(1))
				.build())
			.build();
	}

	/** Too many searches from one address: wait this many seconds. */
	static final class SearchRateExceeded extends RuntimeException {

		private final long retryAfterSeconds;

		SearchRateExceeded(long retryAfterSeconds) {
			super("search rate exceeded", null, false, false);
			this.retryAfterSeconds = retryAfterSeconds;
		}

		long retryAfterSeconds() {
			return this.retryAfterSeconds;
		}

	}

}
