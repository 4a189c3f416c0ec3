package org.doublerandom.inspection.disclosure.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission (准入) to the public pages: at most {@code inspection.disclosure.concurrent-pages} of them (by default
 * twice the processors) are worked on at once; the others wait their turn in the order they came, and after
 * {@code inspection.disclosure.admission-wait} get 503 with Retry-After instead of a page. When
 * {@code inspection.disclosure.admission-queue} (100) already wait, a newcomer gets the 503 at once: waiting
 * requests hold Tomcat threads, and half of its 200 are kept for everything else.
 * <p>
 * Why: with 32 requests on 2 cores, every page was slowed by all the others at once, and a thread preempted
 * while it held a short lock (a message format, Tomcat's filter map, the NIO poller's wake-up) stalled the others
 * that needed it. In the benchmark, 4 pages at a time served 1.8 times as many a second as 32 at once, at a third
 * of the 95th percentile (docs/performance.md, "Admission"). Tomcat keeps
 * its threads, so a slow reader of a long download cannot take the site's capacity: the permit is given back
 * before the buffered page (the ETag filter holds it) is written to the network, and the streamed downloads
 * ({@link PublicCaching#streamed}) are not counted at all.
 */
@Configuration(proxyBeanMethods = false)
class PublicAdmission {

	@Bean
	FilterRegistrationBean<AdmissionFilter> publicAdmissionFilter(
			@Value("${inspection.disclosure.concurrent-pages:0}") int concurrentPages,
			@Value("${inspection.disclosure.admission-wait:10s}") Duration wait,
			@Value("${inspection.disclosure.admission-queue:100}") int queue) {
		int permits = (concurrentPages > 0) ? concurrentPages : 2 * Runtime.getRuntime().availableProcessors();
		FilterRegistrationBean<AdmissionFilter> registration = new FilterRegistrationBean<>(
				new AdmissionFilter(permits, wait, queue));
		registration.addUrlPatterns(PublicCaching.PATTERNS);
		// inside the ETag filter (order 2), so that a page is buffered whole when its permit is given back
		registration.setOrder(3);
		return registration;
	}

	static final class AdmissionFilter extends OncePerRequestFilter {

		/** Seconds a turned-away visitor is asked to wait before trying again. */
		static final String RETRY_AFTER = "5";

		private final Semaphore permits;

		private final Duration wait;

		private final int queue;

		AdmissionFilter(int permits, Duration wait, int queue) {
			// fair: a page waits for those that came before it, not for whoever asks last
			this.permits = new Semaphore(permits, true);
			this.wait = wait;
			this.queue = queue;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return PublicCaching.streamed(request)
					|| !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			boolean admitted;
			try {
				admitted = this.permits.getQueueLength() < this.queue
						&& this.permits.tryAcquire(this.wait.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				admitted = false;
			}
			if (!admitted) {
				response.setHeader("Retry-After", RETRY_AFTER);
				// PublicCacheControl has already made the answer public for a minute: not this one
				response.setHeader("Cache-Control", "no-store");
				response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				this.permits.release();
			}
		}

		int available() {
			return this.permits.availablePermits();
		}

		int waiting() {
			return this.permits.getQueueLength();
		}

	}

}
