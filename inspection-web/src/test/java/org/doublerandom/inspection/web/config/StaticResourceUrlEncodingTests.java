package org.doublerandom.inspection.web.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/** Links to static files get the resource chain's URL (webjar versions); links to pages never reach it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StaticResourceUrlEncodingTests {

	@LocalServerPort
	int port;

	@Autowired
	List<FilterRegistrationBean<?>> filters;

	@Test
	void aPublicPageLinksToTheVersionedWebjarAndTheLinkServesIt() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/public")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher css = Pattern.compile("href=\"(/webjars/bootstrap/[0-9][^/\"]*/dist/css/bootstrap\\.min\\.css)\"").matcher(page);
		assertThat(css.find()).as("a versioned bootstrap link in " + page).isTrue();
		assertThat(page).contains("href=\"/css/app.css\"", "href=\"/public/entities\"");
		HttpResponse<String> served = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + css.group(1))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
	}

	@Test
	void springsFilterThatResolvesEveryLinkIsReplaced() {
		assertThat(this.filters).extracting(FilterRegistrationBean::getFilter)
			.noneMatch(f -> f.getClass() == ResourceUrlEncodingFilter.class)
			.anyMatch(StaticResourceUrlEncoding.StaticOnlyResourceUrlEncodingFilter.class::isInstance);
	}

	@Test
	void linksToPagesNeverReachTheResourceResolversAndStaticLinksDo() {
		List<String> asked = new ArrayList<>();
		ResourceHttpRequestHandler everything = new ResourceHttpRequestHandler();
		everything.setLocations(List.of(new ClassPathResource("static/")));
		everything.setResourceResolvers(List.of(new AbstractResourceResolver() {

			@Override
			protected Resource resolveResourceInternal(HttpServletRequest request, String path, List<? extends Resource> locations,
					ResourceResolverChain chain) {
				return null;
			}

			@Override
			protected String resolveUrlPathInternal(String path, List<? extends Resource> locations, ResourceResolverChain chain) {
				asked.add(path);
				return "v1/" + path;
			}

		}));
		ResourceUrlProvider provider = new ResourceUrlProvider();
		provider.setHandlerMap(Map.of("/**", everything));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/public/results/tasks/7");
		var response = new StaticResourceUrlEncoding.Encoding(request, new MockHttpServletResponse(), provider);

		assertThat(response.encodeURL("/public/results/42")).isEqualTo("/public/results/42");
		assertThat(response.encodeURL("/public/entities?q=%E6%81%92")).isEqualTo("/public/entities?q=%E6%81%92");
		assertThat(asked).isEmpty();
		assertThat(response.encodeURL("/css/app.css")).isEqualTo("/v1/css/app.css");
		assertThat(response.encodeURL("/webjars/htmx.org/dist/htmx.min.js?x=1")).isEqualTo("/v1/webjars/htmx.org/dist/htmx.min.js?x=1");
		assertThat(asked).containsExactly("css/app.css", "webjars/htmx.org/dist/htmx.min.js");
	}

}
