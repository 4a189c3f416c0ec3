package org.doublerandom.inspection.draw.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import org.doublerandom.inspection.web.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public draw page re-derives its evidence package in the visitor's browser (static/js/draw-verify.js,
 * Web Crypto): a published demo draw is verified signed out, a tampered package (changed through request
 * interception) shows its first difference, and the same script reproduces the test vectors of
 * docs/draw-algorithm.md §17 and rejects the tampered packages the Python verifier rejects.
 */
class DrawVerificationBrowserIT extends BrowserTestSupport {

	static final Path PACKAGES = Path.of("src/test/resources/draw-packages");

	@Autowired
	JdbcTemplate jdbc;

	long publishedDemoDraw() {
		return this.jdbc.queryForObject("select d.id from draw d join draw_result r on r.draw_id = d.id "
				+ "where d.demo and d.voided_at is null order by d.id limit 1", Long.class);
	}

	@Test
	void aSignedOutVisitorSeesThePublishedDrawVerifiedInThePage() throws Exception {
		long id = publishedDemoDraw();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1280, 900))) {
			Page page = context.newPage();
			Response response = page.navigate(url("/public/draws/" + id));
			assertThat(response.status()).isEqualTo(200);
			assertThat(page.locator("#staff-sign-in").count()).isEqualTo(1);
			String state = finished(page);
			assertThat(state).as(page.locator("#draw-check-status").textContent()).isEqualTo("verified");
			assertThat(page.locator("#draw-check-status").textContent()).startsWith("已核验");
			assertThat(page.locator("#draw-check-steps li").count()).isEqualTo(8);
			assertThat(page.locator("#draw-check").getAttribute("class")).contains("alert-success");
			// the independent verifier is linked and served as the repository's own file
			assertThat(page.locator("#draw-verifier-command").textContent()).isEqualTo("python3 verify_draw.py draw-" + id);
			APIResponse script = page.request().get(url(page.locator("#draw-verifier-script").getAttribute("href")));
			assertThat(script.status()).isEqualTo(200);
			assertThat(script.body()).isEqualTo(Files.readAllBytes(Path.of("../verifier/verify_draw.py")));
			APIResponse spec = page.request().get(url(page.locator("#draw-verifier-spec").getAttribute("href")));
			assertThat(spec.text()).startsWith("# The draw, specification `draw-v1`");
			screenshot(page, "draw-verification-verified");
			page.locator("#draw-verifier-howto").scrollIntoViewIfNeeded();
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("draw-verification-verified-view.png")));
		}
	}

	static Stream<Arguments> tamperings() {
		return Stream.of(Arguments.of("selected-id", "result.json", (UnaryOperator<String>) DrawVerificationBrowserIT::alterFirstSelectedId,
				"result.strata"), Arguments.of("pool-row", "pool-summary.json", (UnaryOperator<String>) DrawVerificationBrowserIT::alterFirstStratumCount,
						"result.strata[0].n"));
	}

	@ParameterizedTest(name = "a tampered {1} ({0}) is shown as a mismatch")
	@MethodSource("tamperings")
	void aTamperedEvidencePackageIsShownAsAMismatch(String name, String file, UnaryOperator<String> tamper, String where)
			throws Exception {
		long id = publishedDemoDraw();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setViewportSize(1280, 900))) {
			context.route("**/public/draws/" + id + "/evidence", route -> tampered(route, file, tamper));
			Page page = context.newPage();
			page.navigate(url("/public/draws/" + id));
			assertThat(finished(page)).isEqualTo("mismatch");
			String status = page.locator("#draw-check-status").textContent();
			assertThat(status).startsWith("不一致：第一处不同：").contains(where);
			assertThat(page.locator("#draw-check").getAttribute("class")).contains("alert-danger");
			screenshot(page, "draw-verification-tampered-" + name);
			page.locator("#draw-check").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
				.setPath(SCREENSHOTS.resolve("draw-verification-tampered-" + name + "-box.png")));
		}
	}

	@Test
	void theScriptReproducesTheSpecificationsTestVectorsAndRejectsTamperedPackages() throws Exception {
		long id = publishedDemoDraw();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = context.newPage();
			page.navigate(url("/public/draws/" + id));
			finished(page);

			Map<String, Object> vector = verify(page, read("vector"));
			assertThat(vector).containsEntry("outcome", "VERIFIED")
				.containsEntry("planHash", "8fe23d67e7d9fa10012d7f5927a374445f6f2016e0c5377231ea55b3adb89c3e")
				.containsEntry("seed", "8f87097c2b6730573cef69a41759ca80045da32caf4a19d87bf8ee222f4f36c3")
				.containsEntry("digest", "81ad52fca805559cfece55121426f01209592677d17264ad1ede040d5f5c004b")
				.containsEntry("selected", "T-104,T-201,T-203,T-302,T-301")
				.containsEntry("teams", "full")
				.containsEntry("amendments", 2);
			assertThat(page.evaluate("async () => { const seed = new Uint8Array('" + vector.get("seed")
					+ "'.match(/../g).map(h => parseInt(h, 16))); const m = new TextEncoder().encode('target:T-104');"
					+ " const b = new Uint8Array(seed.length + m.length); b.set(seed); b.set(m, seed.length);"
					+ " return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b))).map(x => x.toString(16).padStart(2, '0')).join(''); }"))
				.isEqualTo("883536830cb5caa53fd7535d41237cd6c50b4faeae6f4e2175ec9c9505895462");

			// the public variant of the same vector: counts and Merkle root for the pool, no conflicts
			Map<String, String> publicVariant = new LinkedHashMap<>(read("vector"));
			publicVariant.remove("pool.csv");
			publicVariant.remove("conflicts.csv");
			publicVariant.put("pool-summary.json", "{\"merkle_root\":\"27a631ac893707abd31b63c71ec996ffc96691a2bf7019ef0978a7a96ec2b41e\","
					+ "\"rows\":13,\"sha256\":\"37e33fc3678647a9646f6eef4f94b07e05567c5f435f62d7bde13809ac8c7e0b\",\"strata\":[{\"key\":\"A/150602\",\"n\":5},"
					+ "{\"key\":\"B/150602\",\"n\":4},{\"key\":\"C/150603\",\"n\":3}]}");
			assertThat(verify(page, publicVariant)).containsEntry("outcome", "VERIFIED").containsEntry("teams", "inferred")
				.containsEntry("digest", "81ad52fca805559cfece55121426f01209592677d17264ad1ede040d5f5c004b");

			assertThat(verify(page, read("sampling-modes"))).containsEntry("outcome", "VERIFIED").containsEntry("amendments", 4);
			assertThat(verify(page, read("infeasible"))).containsEntry("outcome", "VERIFIED");
			assertThat(verify(page, read("tampered-changed-team-member"))).containsEntry("outcome", "differs")
				.containsEntry("where", "result.assignment.slots[5].inspector");
			assertThat(verify(page, read("tampered-swapped-selection"))).containsEntry("outcome", "differs")
				.containsEntry("where", "result.strata[0].selected[0].id");
			assertThat(verify(page, read("tampered-changed-amendment"))).containsEntry("outcome", "differs")
				.containsEntry("where", "amendments[3].replacement");
			Map<String, String> pool = new LinkedHashMap<>(read("vector"));
			pool.put("pool.csv", pool.get("pool.csv").replace("T-302,C,150603,", "T-302,C,150603,DEREGISTERED"));
			assertThat(verify(page, pool)).containsEntry("outcome", "inputHash").containsEntry("where", "pool.csv");
			Map<String, String> lottery = new LinkedHashMap<>(read("vector"));
			lottery.put("sources.json", lottery.get("sources.json").replace("[3,7,", "[3,8,"));
			assertThat(verify(page, lottery)).containsEntry("outcome", "differs").containsEntry("where", "result.seed");
		}
	}

	/** Runs DrawVerifier.verify on the given files in the page: VERIFIED with a summary, or the refusal's key. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> verify(Page page, Map<String, String> files) {
		return (Map<String, Object>) page.evaluate("""
				async files => {
				  const bytes = {};
				  for (const [name, text] of Object.entries(files)) bytes[name] = new TextEncoder().encode(text);
				  try {
				    const r = await DrawVerifier.verify(bytes, {});
				    return { outcome: 'VERIFIED', planHash: r.planHash, seed: r.seed, digest: r.digest, teams: r.teams,
				             selected: r.selected.join(','), amendments: r.amendments };
				  } catch (e) {
				    return { outcome: e.key || String(e), where: String((e.args || [])[0]) };
				  }
				}""", files);
	}

	static Map<String, String> read(String name) throws IOException {
		Map<String, String> files = new LinkedHashMap<>();
		try (Stream<Path> list = Files.list(PACKAGES.resolve(name))) {
			for (Path f : list.sorted().toList()) {
				files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
			}
		}
		return files;
	}

	/** Waits until the page's check has finished and gives its state (verified or mismatch). */
	static String finished(Page page) {
		page.waitForSelector("#draw-check[data-state=verified], #draw-check[data-state=mismatch]",
				new Page.WaitForSelectorOptions().setTimeout(60_000));
		return page.locator("#draw-check").getAttribute("data-state");
	}

	static void tampered(Route route, String file, UnaryOperator<String> tamper) {
		APIResponse original = route.fetch();
		try {
			route.fulfill(new Route.FulfillOptions().setResponse(original).setBodyBytes(rewrite(original.body(), file, tamper)));
		}
		catch (IOException ex) {
			route.abort();
		}
	}

	static byte[] rewrite(byte[] zip, String file, UnaryOperator<String> tamper) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		boolean changed = false;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream rewritten = new ZipOutputStream(out)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				byte[] bytes = in.readAllBytes();
				if (e.getName().endsWith("/" + file)) {
					String before = new String(bytes, StandardCharsets.UTF_8);
					String after = tamper.apply(before);
					changed = !after.equals(before);
					bytes = after.getBytes(StandardCharsets.UTF_8);
				}
				rewritten.putNextEntry(new ZipEntry(e.getName()));
				rewritten.write(bytes);
				rewritten.closeEntry();
			}
		}
		if (!changed) {
			throw new IllegalStateException(file + " was not changed");
		}
		return out.toByteArray();
	}

	/** One selected id with its last character changed: a target the draw did not select (or that does not exist). */
	static String alterFirstSelectedId(String result) {
		Matcher m = Pattern.compile("\"selected\":\\[\\{\"id\":\"([^\"]+)\"").matcher(result);
		if (!m.find()) {
			return result;
		}
		String id = m.group(1);
		char last = id.charAt(id.length() - 1);
		String altered = id.substring(0, id.length() - 1) + (last == '0' ? '1' : '0');
		return result.substring(0, m.start(1)) + altered + result.substring(m.end(1));
	}

	/** The first stratum row of the pool summary claims one more eligible candidate. */
	static String alterFirstStratumCount(String summary) {
		Matcher m = Pattern.compile("\"n\":(\\d+)").matcher(summary);
		if (!m.find()) {
			return summary;
		}
		return summary.substring(0, m.start(1)) + (Long.parseLong(m.group(1)) + 1) + summary.substring(m.end(1));
	}

}
