package org.doublerandom.inspection.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * HSTS is sent over TLS only (a browser ignores it over plain HTTP, and sending it there would pin a development
 * host); operations metrics are for the system administrator alone.
 */
@SpringBootTest(properties = "inspection.demo.enabled=true")
@AutoConfigureMockMvc
class TransportAndActuatorSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void aPageServedOverTlsTellsTheBrowserToKeepToHttpsForAYear() throws Exception {
		String hsts = this.mvc.perform(get("/public").secure(true))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("Strict-Transport-Security");
		assertThat(hsts).contains("max-age=31536000", "includeSubDomains");
	}

	@Test
	void aPageServedOverPlainHttpCarriesNoHsts() throws Exception {
		this.mvc.perform(get("/public")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void metricsAreForTheSystemAdministratorOnly() throws Exception {
		this.mvc.perform(get("/actuator/metrics").with(user(this.users.loadUserByUsername("sysadmin"))))
			.andExpect(status().isOk());
		this.mvc.perform(get("/actuator/metrics/jvm.memory.used").with(user(this.users.loadUserByUsername("sysadmin"))))
			.andExpect(status().isOk());
		for (String other : new String[] { "bureau", "scjg-officer1", "secadmin", "auditadmin" }) {
			this.mvc.perform(get("/actuator/metrics").with(user(this.users.loadUserByUsername(other))))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/actuator/metrics")).andExpect(status().is3xxRedirection());
	}

	@Test
	void noOtherActuatorEndpointIsExposedEvenToTheAdministrator() throws Exception {
		for (String endpoint : new String[] { "/actuator/env", "/actuator/beans", "/actuator/heapdump",
				"/actuator/loggers", "/actuator/configprops", "/actuator/threaddump" }) {
			int status = this.mvc.perform(get(endpoint).with(user(this.users.loadUserByUsername("sysadmin"))))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(endpoint).isIn(403, 404);
		}
	}

}
