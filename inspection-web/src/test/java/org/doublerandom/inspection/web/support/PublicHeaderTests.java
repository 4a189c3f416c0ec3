package org.doublerandom.inspection.web.support;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The public header offers a visitor the staff sign-in and a signed-in member of staff their home, on every page. */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class PublicHeaderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	String body(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aVisitorIsOfferedTheStaffSignIn() throws Exception {
		for (String path : new String[] { "/public", "/public/entities", "/public/results/999999999", "/login" }) {
			assertThat(body(get(path))).as(path).contains("id=\"staff-sign-in\"").doesNotContain("id=\"staff-home\"");
		}
	}

	@Test
	void aSignedInMemberOfStaffIsOfferedTheirHome() throws Exception {
		var bureau = user(this.users.loadUserByUsername("bureau"));
		for (String path : new String[] { "/public", "/public/entities", "/public/results/999999999" }) {
			assertThat(body(get(path).with(bureau))).as(path).contains("id=\"staff-home\"")
				.doesNotContain("id=\"staff-sign-in\"");
		}
	}

}
