package org.doublerandom.inspection.disclosure.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Three searches a minute here: the fourth from the same address gets 429, another address does not. */
@SpringBootTest(properties = "inspection.disclosure.search-rate.requests-per-minute=3")
@AutoConfigureMockMvc
class SearchRateLimitTests {

	@Autowired
	MockMvc mvc;

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void theFourthSearchInAMinuteFromOneAddressIsRefusedWithAPageAndRetryAfter() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/public/entities").param("q", "恒通" + i).with(from("10.1.1.1"))).andExpect(status().isOk());
		}
		// the empty form is not a search
		this.mvc.perform(get("/public/entities").with(from("10.1.1.1"))).andExpect(status().isOk());
		String page = this.mvc.perform(get("/public/entities").param("q", "恒通").with(from("10.1.1.1")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("查询过于频繁").contains("秒后再试");
		this.mvc.perform(get("/public/entities").param("q", "恒通").with(from("10.2.2.2"))).andExpect(status().isOk());
	}

	@Test
	void theApiSearchSharesTheLimitAndAnswersWithAJsonProblem() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/public/entities").param("q", "恒通").with(from("10.3.3.3"))).andExpect(status().isOk());
		}
		String body = this.mvc.perform(get("/public/entities").param("q", "恒通").with(from("10.3.3.3")))
			.andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("429");
		this.mvc.perform(get("/api/public/entities").param("q", "恒通").with(from("10.3.3.3")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("json")));
	}

}
