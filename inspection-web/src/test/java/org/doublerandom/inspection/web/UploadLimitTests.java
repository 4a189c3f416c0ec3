package org.doublerandom.inspection.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real servlet container, as a browser posts the import form: a file above the import limit gets
 * the "too large" message at the file field, in Chinese, never a refused CSRF token or a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "inspection.demo.enabled=true", "inspection.import.max-bytes=4096" })
class UploadLimitTests {

	static final Pattern ACTION = Pattern.compile("id=\"import-form\"\\s+action=\"([^\"]+)\"");

	static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void anOversizedUploadIsAnsweredWithTheSizeLimitInChinese() throws Exception {
		String login = get("/login");
		post("/login", "username=scjg-officer1&password=Ordos-Demo-2026&_csrf=" + token(login));
		String page = get("/registry/targets/import");
		Matcher action = ACTION.matcher(page);
		assertThat(action.find()).as("the import form names its action").isTrue();
		String boundary = "----inspection-test";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token(page) + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + "对象类型,代码,名称,行政区划\n".repeat(2000) + "\r\n--" + boundary + "--\r\n";
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url(action.group(1).replace("&amp;", "&"))))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.header("Accept", "text/html")
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("文件超过 4 KB 的上限").doesNotContain("无权访问", "Exception");
	}

	private String get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	private void post(String path, String form) throws Exception {
		this.http.send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private String url(String path) {
		return path.startsWith("http") ? path : "http://localhost:" + this.port + path;
	}

	private static String token(String html) {
		Matcher m = TOKEN.matcher(html);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
	}

}
