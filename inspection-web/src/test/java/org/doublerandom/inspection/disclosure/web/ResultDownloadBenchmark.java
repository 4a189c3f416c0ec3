package org.doublerandom.inspection.disclosure.web;

import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: the result downloads at {@code inspection.bench.results} (default 1,000,000) published results with one
 * item line each, in the bench profile's 512 MB heap: every download is read whole over HTTP, its lines
 * counted, its time taken, and the heap's peak (all heap pools, reset before each download) recorded. Results
 * in {@code target/bench/result-downloads.md}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "logging.level.org.springframework.web=WARN")
class ResultDownloadBenchmark {

	static final int RESULTS = Integer.getInteger("inspection.bench.results", 1_000_000);

	static final int TASKS = 100;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	void publishedResults() {
		long scjg = this.jdbc.queryForObject("select id from department where code = 'SCJG'", Long.class);
		int perTask = RESULTS / TASKS;
		this.jdbc.update("""
				insert into target (kind, code_type, code, name, region_code, created_at, updated_at)
				select 'ENTERPRISE', 'USCC', '9115060088' || lpad(g::text, 8, '0'), '基准·结果主体' || g, '150602', now(), now()
				from generate_series(1, ?) g""", perTask);
		for (int t = 1; t <= TASKS; t++) {
			Long plan = this.jdbc.queryForObject("""
					insert into plan (type, plan_year, owner_department_id, code, name, version_no, state, created_at,
					                  created_by, published_at, published_by)
					values ('DEPARTMENT', 2026, ?, ?, '基准计划', 1, 'PUBLISHED', now(), 'bench', now(), 'bench') returning id""",
					Long.class, scjg, "BENCH-R-" + t);
			Long entry = this.jdbc.queryForObject("""
					insert into plan_entry (plan_id, name, selection, level, period_from, period_to, lead_department_id,
					                        methods, rounding)
					values (?, '基准项目', 'UNDIRECTED', 'CITY_CITY', date '2026-01-01', date '2026-12-31', ?, 'ON_SITE',
					        'CEILING') returning id""", Long.class, plan, scjg);
			Long task = this.jdbc.queryForObject("""
					insert into task (code, series, task_year, sequence_no, plan_id, plan_entry_id, joint, lead_department_id,
					                  name, basis, targets, content, schedule_from, schedule_to, state, created_at, created_by,
					                  state_changed_at)
					values (?, '基准〔2026〕{seq}号', 2026, ?, ?, ?, false, ?, '基准任务', '依据', '对象', '内容',
					        date '2026-01-01', date '2026-12-31', 'RESULTS_DUE', now(), 'bench', now()) returning id""",
					Long.class, "基准〔2026〕" + t + "号", t, plan, entry, scjg);
			Long draw = this.jdbc.queryForObject("""
					insert into draw (task_id, attributes, prechecked_at, prechecked_by) values (?, 'region', now(), 'bench')
					returning id""", Long.class, task);
			this.jdbc.update("""
					insert into inspection_result (task_id, draw_id, target_id, department_id, state, inspection_date,
					                               category_code, team, deadline, entered_by, entered_at, published_at)
					select ?, ?, id, ?, 'PUBLISHED', date '2026-02-01', 'NO_PROBLEM', '甲、乙', date '2026-03-01', 'bench',
					       now(), timestamptz '2026-03-01 08:00:00+08' + make_interval(secs => id::int)
					from target where code like '9115060088%'""", task, draw, scjg);
		}
		this.jdbc.update("""
				insert into inspection_result_item (result_id, position, item_code, item_name, checked)
				select id, 0, 'SCJG-001', '基准事项', true from inspection_result where state = 'PUBLISHED'""");
		this.jdbc.execute("analyze");
	}

	@Test
	void everyDownloadStreamsAMillionRowsInA512MbHeap() throws Exception {
		publishedResults();
		long published = this.jdbc.queryForObject("select count(*) from inspection_result where state = 'PUBLISHED'",
				Long.class);
		List<String> lines = new ArrayList<>();
		lines.add("| Download | Rows | Characters | Seconds | Heap peak during the download (MB) | Max heap (MB) |");
		lines.add("|---|---|---|---|---|---|");
		HttpClient http = HttpClient.newHttpClient();
		for (String file : List.of("results.csv", "results.json", "result-items.csv", "result-items.json")) {
			System.gc();
			resetPeaks();
			long start = System.nanoTime();
			HttpResponse<java.io.InputStream> response = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/public/data/" + file)).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo(200);
			// read in chunks (the JSON is one line): a CSV row ends with a line feed, a JSON row is an object
			long rows = 0;
			long bytes = 0;
			char mark = file.endsWith(".csv") ? '\n' : '{';
			try (InputStreamReader in = new InputStreamReader(response.body(), StandardCharsets.UTF_8)) {
				char[] buffer = new char[64 * 1024];
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					bytes += n;
					for (int i = 0; i < n; i++) {
						if (buffer[i] == mark) {
							rows++;
						}
					}
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			if (file.endsWith(".csv")) {
				rows--; // the header
			}
			assertThat(rows).as(file).isGreaterThanOrEqualTo(published);
			lines.add("| " + file + " | " + rows + " | " + bytes + " | " + String.format("%.1f", seconds) + " | "
					+ peakMb() + " | " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " |");
		}
		Path out = Path.of("target", "bench", "result-downloads.md");
		Files.createDirectories(out.getParent());
		Files.write(out, lines);
		lines.forEach(System.out::println);
	}

	static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/** The sum of the heap pools' peaks: an upper bound of the heap in use at once (the client's reading included). */
	static long peakMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / (1024 * 1024);
	}

}
