package org.doublerandom.inspection.disclosure.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 7's benchmark of the public entity lookup: a registry of {@code inspection.bench.lookup.targets}
 * (default 2,000,000) market entities, the app on its port, and wrk (Debian's) at 32 connections for
 * {@code inspection.bench.lookup.duration} (default 5 minutes) per case: name searches (common and rare
 * words, two to four characters), credit-code prefixes, entity pages by credit code, and a static file of
 * the same app in the same run for comparison. Results in {@code target/bench/public-lookup.md}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "inspection.disclosure.search-rate.requests-per-minute=100000000",
				"logging.level.org.springframework.web=WARN" })
class PublicLookupBenchmark {

	static final int TARGETS = Integer.getInteger("inspection.bench.lookup.targets", 2_000_000);

	static final String DURATION = System.getProperty("inspection.bench.lookup.duration", "300s");

	static final Path DIR = Path.of("target", "bench");

	static final Path SCRIPT = Path.of("..", "bench", "public-lookup.lua").toAbsolutePath().normalize();

	static final String[] WORDS = { "恒通", "鑫源", "瑞丰", "金泰", "华润", "博远", "天成", "宏达", "永盛", "嘉禾", "蒙源", "草原", "银河",
			"兴隆", "安康", "利民", "鄂尔多斯", "东方", "伊泰", "康巴" };

	static final String[] TRADES = { "商贸", "餐饮", "煤业", "物流", "建材", "农牧", "化工", "酒店", "电力", "科技" };

	static final String[] REGIONS = { "150602", "150603", "150621", "150622", "150623", "150624", "150625", "150626",
			"150627" };

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.doublerandom.inspection.disclosure.PublicEntities entities;

	@Test
	void entityLookupUnderLoad() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")), "wrk is not installed (apt-get install wrk)");
		Files.createDirectories(DIR);
		long t0 = System.nanoTime();
		load();
		double loadSeconds = (System.nanoTime() - t0) / 1e9;
		this.jdbc.execute("analyze target");

		Map<String, List<String>> cases = new LinkedHashMap<>();
		List<String> names = new ArrayList<>();
		for (String w : WORDS) {
			names.add(search(w));
			names.add(search(w + TRADES[Math.floorMod(w.hashCode(), TRADES.length)]));
		}
		cases.put("name search (2–6 characters, common and rare words)", names);
		List<String> codes = new ArrayList<>();
		List<String> pages = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			int n = (int) ((i * 7_919L) % TARGETS);
			codes.add(search(code(n).substring(0, 8 + i % 8)));
			pages.add("/public/entities/" + code(n));
		}
		cases.put("credit-code prefix search (8–15 characters)", codes);
		cases.put("entity page by credit code", pages);
		cases.put("static file /css/app.css (same app, same run)", List.of("/css/app.css"));

		StringBuilder queries = new StringBuilder("\nThe queries alone (JdbcPublicEntities, in the test's JVM, one at a time, "
				+ "20 warm-up and 100 timed calls each):\n\n| query | rows | p50 ms | p95 ms |\n|---|---|---|---|\n");
		for (String q : List.of("恒通", "基准", "恒通商贸", "鄂尔多斯物流", "嘉禾煤业有限公司1", "91150602", code(4242).substring(0, 14))) {
			var query = org.doublerandom.inspection.disclosure.EntityQuery.of(q);
			int rows = 0;
			long[] nanos = new long[100];
			for (int i = -20; i < 100; i++) {
				long start = System.nanoTime();
				rows = this.entities.search(query, 0, 21).size();
				if (i >= 0) {
					nanos[i] = System.nanoTime() - start;
				}
			}
			java.util.Arrays.sort(nanos);
			queries.append("| search \"").append(q).append("\" | ").append(rows).append(" | ")
				.append(String.format("%.2f", nanos[49] / 1e6)).append(" | ").append(String.format("%.2f", nanos[94] / 1e6))
				.append(" |\n");
		}
		long[] byCode = new long[100];
		for (int i = -20; i < 100; i++) {
			long start = System.nanoTime();
			var entity = this.entities.findByCode(code((i + 20) * 977 % TARGETS)).orElseThrow();
			this.entities.draws(entity.id());
			if (i >= 0) {
				byCode[i] = System.nanoTime() - start;
			}
		}
		java.util.Arrays.sort(byCode);
		queries.append("| entity by credit code, with its draws | 1 | ").append(String.format("%.2f", byCode[49] / 1e6))
			.append(" | ").append(String.format("%.2f", byCode[94] / 1e6)).append(" |\n");

		StringBuilder table = new StringBuilder();
		table.append("Public entity lookup, ").append(TARGETS).append(" targets (loaded in ")
			.append(Math.round(loadSeconds)).append(" s), wrk -t4 -c32 -d").append(DURATION).append("\n\n")
			.append("| case | requests | errors | non-2xx | p50 ms | p95 ms | p99 ms | requests/s |\n")
			.append("|---|---|---|---|---|---|---|---|\n");
		for (Map.Entry<String, List<String>> c : cases.entrySet()) {
			// the paths answer 200 before the load starts: a 404 under load would be an error, not a miss
			for (String path : c.getValue().subList(0, Math.min(5, c.getValue().size()))) {
				var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path)).build(),
						java.net.http.HttpResponse.BodyHandlers.ofString());
				assertThat(answer.statusCode()).as(path).isEqualTo(200);
			}
			Path paths = DIR.resolve("paths-" + Math.abs(c.getKey().hashCode()) + ".txt");
			Files.write(paths, c.getValue());
			Map<String, String> r = wrk(paths);
			table.append("| ").append(c.getKey()).append(" | ").append(r.get("requests")).append(" | ").append(r.get("errors"))
				.append(" | ").append(r.get("non2xx")).append(" | ").append(r.get("p50_ms")).append(" | ")
				.append(r.get("p95_ms")).append(" | ").append(r.get("p99_ms")).append(" | ").append(r.get("rps")).append(" |\n");
			assertThat(r.get("errors")).as(c.getKey()).isEqualTo("0");
			assertThat(r.get("non2xx")).as(c.getKey()).isEqualTo("0");
		}
		table.append(queries);
		table.append("\nLoad average at the end: ").append(Files.readString(Path.of("/proc/loadavg")).strip()).append("\n");
		Files.writeString(DIR.resolve("public-lookup.md"), table);
		System.out.println(table);
	}

	/** Market entities straight in SQL: names from the words and trades, codes of the credit-code shape. */
	void load() {
		StringBuilder words = new StringBuilder("array[");
		for (int i = 0; i < WORDS.length; i++) {
			words.append(i > 0 ? "," : "").append('\'').append(WORDS[i]).append('\'');
		}
		words.append("]");
		StringBuilder trades = new StringBuilder("array[");
		for (int i = 0; i < TRADES.length; i++) {
			trades.append(i > 0 ? "," : "").append('\'').append(TRADES[i]).append('\'');
		}
		trades.append("]");
		for (int from = 0; from < TARGETS; from += 200_000) {
			int to = Math.min(TARGETS, from + 200_000) - 1;
			this.jdbc.update("insert into target (kind, code_type, code, name, region_code, status, credit_class, credit_class_on, "
					+ "created_at, updated_at) select case when i % 3 = 0 then 'INDIVIDUAL_BUSINESS' else 'ENTERPRISE' end, 'USCC', "
					+ "case when i % 3 = 0 then '92' else '91' end || (array['150602','150603','150621','150622','150623',"
					+ "'150624','150625','150626','150627'])[i % 9 + 1] || lpad(i::text, 10, '0'), "
					+ "'基准·' || (" + words + ")[(i * 7) % " + WORDS.length + " + 1] || (" + trades + ")[(i / 7) % "
					+ TRADES.length + " + 1] || case when i % 3 = 0 then '店' else '有限公司' end || i, "
					+ "(array['150602','150603','150621','150622','150623','150624','150625','150626','150627'])[i % 9 + 1], "
					+ "'ACTIVE', (array['A','B','C','D'])[i % 4 + 1], current_date, now(), now() "
					+ "from generate_series(?, ?) as i", from, to);
		}
	}

	static String code(int i) {
		return ((i % 3 == 0) ? "92" : "91") + REGIONS[i % 9] + String.format("%010d", i);
	}

	static String search(String q) {
		return "/public/entities?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
	}

	Map<String, String> wrk(Path paths) throws IOException, InterruptedException {
		Path out = DIR.resolve("wrk-output.txt");
		ProcessBuilder builder = new ProcessBuilder("/usr/bin/wrk", "-t4", "-c32", "-d" + DURATION, "--timeout", "10s",
				"-s", SCRIPT.toString(), "http://127.0.0.1:" + this.port)
			.redirectErrorStream(true)
			.redirectOutput(out.toFile());
		builder.environment().put("PATHS", paths.toAbsolutePath().toString());
		Process wrk = builder.start();
		assertThat(wrk.waitFor(30, TimeUnit.MINUTES)).isTrue();
		Map<String, String> result = new LinkedHashMap<>();
		for (String line : Files.readAllLines(out)) {
			if (line.startsWith("RESULT ")) {
				for (String field : line.substring(7).split(" ")) {
					String[] kv = field.split("=", 2);
					result.put(kv[0], kv[1]);
				}
			}
		}
		assertThat(result).as(Files.readString(out)).containsKey("p95_ms");
		return result;
	}

}
