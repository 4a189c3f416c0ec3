package org.doublerandom.inspection.web.config;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 防暴力破解: each client address may try to sign in (password or second-factor code) a limited number of
 * times per minute (a Bucket4j token bucket, refilled greedily); beyond that it gets HTTP 429 with the error
 * page and a Retry-After header, before any password is checked. Complements the per-account lockout, which
 * a guesser trying many usernames would not reach. Buckets live in this instance's memory (Caffeine,
 * forgotten after ten idle minutes).
 */
class SignInRateLimitFilter extends OncePerRequestFilter {

	private static final Set<String> LIMITED_PATHS = Set.of("/login", SecondFactorFilter.VERIFY);

	private final int attemptsPerMinute;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	SignInRateLimitFilter(int attemptsPerMinute) {
		if (attemptsPerMinute < 1) {
			throw new IllegalArgumentException("inspection.security.sign-in-rate.attempts-per-minute must be positive");
		}
		this.attemptsPerMinute = attemptsPerMinute;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || !LIMITED_PATHS.contains(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = String.valueOf(SecurityCurrentActor.clientAddress(request));
		ConsumptionProbe probe = this.buckets.get(address, key -> newBucket()).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
			response.setHeader("Retry-After", Long.toString(seconds));
			response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
			return;
		}
		chain.doFilter(request, response);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.attemptsPerMinute)
				.refillGreedy(this.attemptsPerMinute, Duration.ofMinutes(1))
				.build())
			.build();
	}

}
