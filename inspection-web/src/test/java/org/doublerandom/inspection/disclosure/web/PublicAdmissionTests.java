package org.doublerandom.inspection.disclosure.web;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public pages' admission: a bounded number at once, the others wait, and nobody keeps a permit. */
class PublicAdmissionTests {

	@Test
	void pageBeyondThePermitsWaitsAndIsTurnedAwayWith503AfterTheWait() throws Exception {
		PublicAdmission.AdmissionFilter filter = new PublicAdmission.AdmissionFilter(1, Duration.ofMillis(100), 100);
		CountDownLatch leave = new CountDownLatch(1);
		Thread first = holding(filter, leave);

		MockHttpServletResponse second = new MockHttpServletResponse();
		AtomicReference<Boolean> served = new AtomicReference<>(false);
		filter.doFilter(get("/public/results"), second, (request, response) -> served.set(true));

		assertThat(served.get()).as("the second page was worked on").isFalse();
		assertThat(second.getStatus()).isEqualTo(503);
		assertThat(second.getHeader("Retry-After")).isEqualTo("5");
		leave.countDown();
		first.join(5_000);
		assertThat(filter.available()).isEqualTo(1);
	}

	@Test
	void pageWaitingForAPermitIsServedWhenTheOneBeforeItEnds() throws Exception {
		PublicAdmission.AdmissionFilter filter = new PublicAdmission.AdmissionFilter(1, Duration.ofSeconds(10), 100);
		CountDownLatch leave = new CountDownLatch(1);
		Thread first = holding(filter, leave);
		new Thread(() -> {
			sleep(200);
			leave.countDown();
		}).start();

		MockHttpServletResponse second = new MockHttpServletResponse();
		filter.doFilter(get("/public/entities"), second, (request, response) -> response.getWriter().write("page"));

		assertThat(second.getStatus()).isEqualTo(200);
		assertThat(second.getContentAsString()).isEqualTo("page");
		first.join(5_000);
	}

	@Test
	void newcomerIsTurnedAwayAtOnceWhenTheQueueIsFull() throws Exception {
		PublicAdmission.AdmissionFilter filter = new PublicAdmission.AdmissionFilter(1, Duration.ofSeconds(30), 1);
		CountDownLatch leave = new CountDownLatch(1);
		Thread first = holding(filter, leave);
		Thread second = new Thread(() -> run(filter, (request, response) -> { }));
		second.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (filter.waiting() < 1 && System.nanoTime() < deadline) {
			sleep(5);
		}
		assertThat(filter.waiting()).as("the second page waits").isEqualTo(1);

		MockHttpServletResponse third = new MockHttpServletResponse();
		long started = System.nanoTime();
		filter.doFilter(get("/public/tasks"), third, (request, response) -> response.getWriter().write("page"));

		assertThat(third.getStatus()).isEqualTo(503);
		assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("seconds waited").isLessThan(5);
		leave.countDown();
		first.join(5_000);
		second.join(5_000);
		assertThat(filter.available()).isEqualTo(1);
	}

	/** Starts a page that holds a permit until {@code leave} is counted down, and returns once it holds it. */
	static Thread holding(PublicAdmission.AdmissionFilter filter, CountDownLatch leave) throws InterruptedException {
		CountDownLatch inside = new CountDownLatch(1);
		Thread thread = new Thread(() -> run(filter, (request, response) -> {
			inside.countDown();
			await(leave);
		}));
		thread.start();
		assertThat(inside.await(5, TimeUnit.SECONDS)).as("the first page holds its permit").isTrue();
		return thread;
	}

	static void run(PublicAdmission.AdmissionFilter filter, FilterChain chain) {
		try {
			filter.doFilter(get("/public/results"), new MockHttpServletResponse(), chain);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void permitIsGivenBackWhenThePageFails() {
		PublicAdmission.AdmissionFilter filter = new PublicAdmission.AdmissionFilter(2, Duration.ofMillis(100), 100);
		FilterChain failing = (request, response) -> {
			throw new IllegalStateException("the page failed");
		};

		assertThatThrownBy(() -> filter.doFilter(get("/public/plans"), new MockHttpServletResponse(), failing))
			.hasMessage("the page failed");

		assertThat(filter.available()).isEqualTo(2);
	}

	@Test
	void streamedDownloadsAndPostsAreNotCounted() throws Exception {
		PublicAdmission.AdmissionFilter filter = new PublicAdmission.AdmissionFilter(1, Duration.ofMillis(50), 100);
		AtomicReference<Integer> availableInside = new AtomicReference<>();
		FilterChain chain = (request, response) -> availableInside.set(filter.available());

		filter.doFilter(get("/public/draws/7/evidence"), new MockHttpServletResponse(), chain);
		assertThat(availableInside.get()).as("evidence package").isEqualTo(1);
		filter.doFilter(get("/public/data/results.csv"), new MockHttpServletResponse(), chain);
		assertThat(availableInside.get()).as("result download").isEqualTo(1);
		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/public/verify");
		filter.doFilter(post, new MockHttpServletResponse(), chain);
		assertThat(availableInside.get()).as("POST").isEqualTo(1);
		filter.doFilter(get("/public/draws/7"), new MockHttpServletResponse(), chain);
		assertThat(availableInside.get()).as("a page").isEqualTo(0);
	}

	static MockHttpServletRequest get(String uri) {
		return new MockHttpServletRequest("GET", uri);
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
