package org.doublerandom.inspection.disclosure.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

import org.doublerandom.inspection.web.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 无障碍: axe-core (the test-scope webjar) is injected into each public page, signed out, in Chinese and in
 * English, and no serious or critical violation may be found. Each page is also screenshot, for a person to
 * look at. The script is added as an init script through the browser's DevTools, not as a page script, so
 * the Content-Security-Policy stays as the visitor gets it.
 */
class PublicAccessibilityBrowserIT extends BrowserTestSupport {

	static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	@Autowired
	JdbcTemplate jdbc;

	static String axeSource() throws IOException {
		try (InputStream in = PublicAccessibilityBrowserIT.class.getResourceAsStream(AXE)) {
			assertThat(in).as(AXE).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	Map<String, String> pages() {
		Long plan = this.jdbc.queryForObject("select id from plan where state = 'PUBLISHED' order by id limit 1", Long.class);
		Long task = this.jdbc.queryForObject("select id from task order by id limit 1", Long.class);
		Long draw = this.jdbc.queryForObject("select draw_id from draw_result order by draw_id limit 1", Long.class);
		Long entity = this.jdbc.queryForObject("""
				select p.registry_id from draw_selected s join draw_pool p on p.draw_id = s.draw_id and p.target_id = s.target_id
				join target t on t.id = p.registry_id where t.code_type = 'USCC' and t.kind <> 'SPECIFIC_PERSON'
				order by s.draw_id, s.position limit 1""", Long.class);
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("public-home", "/public");
		pages.put("public-items", "/public/items");
		pages.put("public-items-print", "/public/items?all=true");
		pages.put("public-plans", "/public/plans");
		pages.put("public-plan", "/public/plans/" + plan);
		pages.put("public-tasks", "/public/tasks");
		pages.put("public-task", "/public/tasks/" + task);
		pages.put("public-draws", "/public/draws");
		pages.put("public-draw", "/public/draws/" + draw);
		pages.put("public-entities", "/public/entities");
		pages.put("public-entities-search", "/public/entities?q=%E6%BC%94%E7%A4%BA");
		pages.put("public-entities-error", "/public/entities?q=x");
		pages.put("public-entity", "/public/entities/" + entity);
		pages.put("public-data", "/public/data");
		Long result = this.jdbc.queryForObject("select min(id) from inspection_result where state = 'PUBLISHED'", Long.class);
		Long resultTask = this.jdbc.queryForObject("select task_id from inspection_result where id = ?", Long.class, result);
		pages.put("public-results", "/public/results");
		pages.put("public-result-notice", "/public/results/tasks/" + resultTask);
		pages.put("public-result", "/public/results/" + result);
		pages.put("public-not-found", "/public/no-such-page");
		return pages;
	}

	@Test
	void thePublicPagesHaveNoSeriousAccessibilityViolations() throws Exception {
		String axe = axeSource();
		List<String> violations = new ArrayList<>();
		for (String locale : List.of("zh-CN", "en")) {
			try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
				.setViewportSize(1280, 900))) {
				context.addInitScript(axe);
				Page page = context.newPage();
				if ("en".equals(locale)) {
					page.navigate(url("/public?lang=en"));
				}
				for (Map.Entry<String, String> p : pages().entrySet()) {
					Response response = page.navigate(url(p.getValue()));
					assertThat(response).as(p.getValue()).isNotNull();
					page.waitForLoadState();
					Object found = page.evaluate("""
							async () => {
							  const result = await axe.run(document, { resultTypes: ['violations'] });
							  return result.violations
							    .filter(v => v.impact === 'serious' || v.impact === 'critical')
							    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '
							      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
							}""");
					if (found instanceof List<?> list) {
						list.forEach(v -> violations.add(locale + " " + p.getValue() + " " + v));
					}
					screenshot(page, p.getKey() + "-" + locale);
				}
			}
		}
		assertThat(violations).isEmpty();
	}

}
