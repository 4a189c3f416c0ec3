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
 * Issue 7's benchmark of the public entity lookup and result notices: a registry of
 * {@code inspection.bench.lookup.targets} (default 2,000,000) market entities and
 * {@code inspection.bench.lookup.results} (default 1,000,000) published results, the app on its port, and wrk
 * (Debian's) at 32 connections for {@code inspection.bench.lookup.duration} (default 5 minutes) per case: name
 * searches (common and rare words, two to four characters), credit-code prefixes, entity pages by credit code,
 * a task's result notice (a page of 50), one result's detail, and a static file of the same app in the same run
 * for comparison. Results in {@code target/bench/public-lookup.md}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "inspection.disclosure.search-rate.requests-per-minute=100000000",
				"logging.level.org.springframework.web=WARN" })
class PublicLookupBenchmark {

	static final int TARGETS = Integer.getInteger("inspection.bench.lookup.targets", 2_000_000);

	static final int RESULTS = Integer.getInteger("inspection.bench.lookup.results", 1_000_000);

	/** Results a task publishes (over one or two departments): four pages of 50 in a task of one department. */
	static final int RESULTS_PER_TASK = 200;

	static final String DURATION = System.getProperty("inspection.bench.lookup.duration", "300s");

	/** Each case first runs this long unrecorded, so the JIT has compiled its code paths before it is measured. */
	static final String WARMUP = System.getProperty("inspection.bench.lookup.warmup", "30s");

	/** The static file's case may be shorter: it is the yardstick, not the target. */
	static final String STATIC_DURATION = System.getProperty("inspection.bench.lookup.static-duration", DURATION);

	/**
	 * With {@code inspection.bench.lookup.grouped=true} the two subjects are one case each (the entity
	 * lookup: name and code searches and entity pages, interleaved; the result notice pages: a task's notice and
	 * a result's detail, interleaved), plus the notice list and the static file: four runs instead of seven.
	 */
	static final boolean GROUPED = Boolean.getBoolean("inspection.bench.lookup.grouped");

	/** With {@code inspection.bench.lookup.only=entity,result notice pages} only the cases whose names start so. */
	static final List<String> ONLY = java.util.Arrays.stream(System.getProperty("inspection.bench.lookup.only", "").split(","))
		.map(String::strip).filter(s -> !s.isEmpty()).toList();

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

	@Autowired
	org.doublerandom.inspection.result.PublishedResults published;

	@Test
	void entityLookupUnderLoad() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")), "wrk is not installed (apt-get install wrk)");
		assertThat(RESULTS).as("one result per target at most").isLessThanOrEqualTo(TARGETS);
		Files.createDirectories(DIR);
		String loadAtStart = Files.readString(Path.of("/proc/loadavg")).strip();
		long started = System.nanoTime();
		long t0 = System.nanoTime();
		load();
		this.jdbc.execute("analyze target");
		double loadSeconds = (System.nanoTime() - t0) / 1e9;
		t0 = System.nanoTime();
		loadResults();
		double resultSeconds = (System.nanoTime() - t0) / 1e9;

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
		List<Long> tasks = this.jdbc.queryForList("select id from task where series = 'BENCH' order by id", Long.class);
		List<String> notices = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			// page is 0-based, 50 rows (feature/public-result-data); every task has at least 100 rows per notice
			notices.add("/public/results/tasks/" + tasks.get((int) ((i * 7_919L) % tasks.size())) + "?page=" + (i % 2));
		}
		cases.put("result notice of a task (page of 50)", notices);
		List<Long> results = this.jdbc.queryForList("""
				select id from inspection_result where entered_by = 'bench'
				and id % greatest(1, (select count(*) from inspection_result where entered_by = 'bench') / 200) = 0
				limit 200""", Long.class);
		cases.put("result detail", results.stream().map(id -> "/public/results/" + id).toList());
		List<String> lists = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			lists.add("/public/results" + (i == 0 ? "" : "?page=" + i));
		}
		cases.put("result notice list (/public/results, pages 1–5)", lists);
		if (GROUPED) {
			Map<String, List<String>> grouped = new LinkedHashMap<>();
			grouped.put("entity lookup (name and code searches, entity pages, interleaved)", interleave(names, codes, pages));
			grouped.put("result notice pages (a task's notice, page of 50; a result's detail; interleaved)",
					interleave(notices, results.stream().map(id -> "/public/results/" + id).toList()));
			grouped.put("result notice list (/public/results, pages 1–5)", lists);
			cases = grouped;
		}
		cases.put("static file /css/app.css (same app, same run)", List.of("/css/app.css"));
		if (!ONLY.isEmpty()) {
			cases.keySet().removeIf(name -> ONLY.stream().noneMatch(name::startsWith));
		}

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
		long[] ofTask = new long[100];
		for (int i = -20; i < 100; i++) {
			long start = System.nanoTime();
			this.published.noticesOfTask(tasks.get((int) (((i + 20) * 7_919L) % tasks.size())));
			if (i >= 0) {
				ofTask[i] = System.nanoTime() - start;
			}
		}
		java.util.Arrays.sort(ofTask);
		queries.append("| the notices of one task (PublishedResults.noticesOfTask) | 1–2 | ")
			.append(String.format("%.2f", ofTask[49] / 1e6)).append(" | ").append(String.format("%.2f", ofTask[94] / 1e6))
			.append(" |\n");
		long[] latest = new long[5];
		for (int i = -1; i < 5; i++) {
			long start = System.nanoTime();
			this.published.notices(20);
			if (i >= 0) {
				latest[i] = System.nanoTime() - start;
			}
		}
		java.util.Arrays.sort(latest);
		queries.append("| the latest 20 notices of all (PublishedResults.notices, /public/results; 5 calls) | 20 | ")
			.append(String.format("%.2f", latest[2] / 1e6)).append(" | ").append(String.format("%.2f", latest[4] / 1e6))
			.append(" |\n");

		List<String> failed = new ArrayList<>();
		StringBuilder table = new StringBuilder();
		table.append("Public entity lookup and result notices, ").append(TARGETS).append(" targets (loaded in ")
			.append(Math.round(loadSeconds)).append(" s), ").append(RESULTS).append(" published results (loaded in ")
			.append(Math.round(resultSeconds)).append(" s), wrk -t4 -c32 -d").append(DURATION).append(" (static file: ").append(STATIC_DURATION).append("), each after an unrecorded warm-up of ").append(WARMUP).append("\n\n")
			.append("| case | requests | errors | non-2xx | p50 ms | p95 ms | p99 ms | requests/s | JVM CPU ms/request | of which request threads | PostgreSQL CPU ms/request |\n")
			.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
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
			wrk(paths, WARMUP);
			long jvmBefore = jvmCpuNanos();
			Map<Long, Long> threadsBefore = requestThreadCpuNanos();
			long postgresBefore = postgresCpuTicks();
			Map<String, String> r = wrk(paths, c.getKey().startsWith("static") ? STATIC_DURATION : DURATION);
			double requests = Math.max(1, Long.parseLong(r.get("requests")));
			String jvmPerRequest = String.format("%.2f", (jvmCpuNanos() - jvmBefore) / 1e6 / requests);
			long threadNanos = 0;
			for (Map.Entry<Long, Long> t : requestThreadCpuNanos().entrySet()) {
				threadNanos += t.getValue() - threadsBefore.getOrDefault(t.getKey(), 0L);
			}
			String threadsPerRequest = String.format("%.2f", threadNanos / 1e6 / requests);
			String postgresPerRequest = (postgresBefore < 0) ? "?"
					: String.format("%.2f", (postgresCpuTicks() - postgresBefore) * 1000.0 / CLOCK_TICKS / requests);
			table.append("| ").append(c.getKey()).append(" | ").append(r.get("requests")).append(" | ").append(r.get("errors"))
				.append(" | ").append(r.get("non2xx")).append(" | ").append(r.get("p50_ms")).append(" | ")
				.append(r.get("p95_ms")).append(" | ").append(r.get("p99_ms")).append(" | ").append(r.get("rps")).append(" | ")
				.append(jvmPerRequest).append(" | ").append(threadsPerRequest).append(" | ").append(postgresPerRequest).append(" |\n");
			if (!"0".equals(r.get("errors")) || !"0".equals(r.get("non2xx"))) {
				failed.add(c.getKey() + ": " + r.get("errors") + " errors, " + r.get("non2xx") + " non-2xx");
			}
		}
		// each page alone, one request at a time: under load a page that costs several times the others waits
		// several times as long, so the spread of these times is where the tail of the loaded run comes from
		StringBuilder alone = new StringBuilder("\nEach page alone (one connection, one request at a time, after one "
				+ "untimed pass; the median of 3 requests a path, client side):\n\n"
				+ "| case | paths | p50 ms | p95 ms | max ms | slowest paths (ms) |\n|---|---|---|---|---|---|\n");
		var client = java.net.http.HttpClient.newHttpClient();
		for (Map.Entry<String, List<String>> c : cases.entrySet()) {
			if (c.getKey().startsWith("static")) {
				continue;
			}
			Map<String, List<Double>> times = new LinkedHashMap<>();
			for (int pass = 0; pass < 4; pass++) {
				for (String path : c.getValue()) {
					long start = System.nanoTime();
					client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
						.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
					if (pass > 0) {
						times.computeIfAbsent(path, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
					}
				}
			}
			Map<String, Double> medians = new LinkedHashMap<>();
			times.forEach((path, ms) -> medians.put(path, ms.stream().sorted().toList().get(1)));
			List<Map.Entry<String, Double>> sorted = new ArrayList<>(medians.entrySet());
			sorted.sort(Map.Entry.comparingByValue());
			int n = sorted.size();
			StringBuilder slowest = new StringBuilder();
			for (int i = n - 1; i >= Math.max(0, n - 5); i--) {
				slowest.append(i < n - 1 ? ", " : "").append('`').append(java.net.URLDecoder.decode(sorted.get(i).getKey(),
						StandardCharsets.UTF_8)).append("` ").append(String.format("%.1f", sorted.get(i).getValue()));
			}
			alone.append("| ").append(c.getKey()).append(" | ").append(n).append(" | ")
				.append(String.format("%.2f", sorted.get((n - 1) / 2).getValue())).append(" | ")
				.append(String.format("%.2f", sorted.get((int) Math.ceil(n * 0.95) - 1).getValue())).append(" | ")
				.append(String.format("%.2f", sorted.get(n - 1).getValue())).append(" | ").append(slowest).append(" |\n");
		}

		table.append(queries);
		table.append(alone);
		table.append("\nLoad average at the start: ").append(loadAtStart).append("; at the end: ").append(Files.readString(Path.of("/proc/loadavg")).strip()).append("\n");
		table.append("Wall time of the whole run: ").append(Math.round((System.nanoTime() - started) / 1e9)).append(" s\n");
		Files.writeString(DIR.resolve("public-lookup.md"), table);
		System.out.println(table);
		// after the table is written: a run with errors still shows what it measured
		assertThat(failed).as("cases with errors or non-2xx answers").isEmpty();
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

	/**
	 * Published results straight in SQL, shaped as the app writes them (ResultService: submitted, reviewed and
	 * published, with item lines, a method and the SUBMIT and PUBLISH steps): per enforcing department a
	 * published annual plan; per task a plan entry (every fourth directed), the task with its sub-tasks (every
	 * third joint with the next department), and a committed draw; {@link #RESULTS_PER_TASK} results per task,
	 * split between a joint task's two departments, each on a different target of the registry just loaded.
	 */
	void loadResults() {
		int taskCount = (RESULTS + RESULTS_PER_TASK - 1) / RESULTS_PER_TASK;
		long base = this.jdbc.queryForObject("select id from target where code = ?", Long.class, code(0));
		assertThat(this.jdbc.queryForObject("select count(*) from target where id between ? and ?", Long.class, base,
				base + TARGETS - 1)).as("the loaded targets have consecutive ids").isEqualTo(TARGETS);
		this.jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
			try (java.sql.Statement sql = connection.createStatement()) {
				for (String statement : resultStatements(taskCount, base)) {
					sql.execute(statement);
				}
			}
			return null;
		});
		this.jdbc.execute("analyze");
	}

	static List<String> resultStatements(int taskCount, long base) {
		String departments = "(select array_agg(id order by sort_order) from department where enforcing)";
		String n = "(select cardinality(" + departments + "))";
		return List.of("""
				create temp table bench_task as
				select k, (d.ids)[k %% d.n + 1] as lead,
				       case when k %% 3 = 0 then (d.ids)[(k + 1) %% d.n + 1] end as second,
				       null::bigint as entry_id, null::bigint as task_id, null::bigint as draw_id
				from generate_series(0, %d) as k, (select %s as ids, %s as n) d""".formatted(taskCount - 1, departments, n),
				"""
				insert into plan (type, plan_year, owner_department_id, code, name, version_no, state, created_at,
				                  created_by, submitted_at, approved_at, approved_by, published_at, published_by)
				select 'DEPARTMENT', 2026, d.id, 'BENCH-' || d.code, d.short_name || '2026年度双随机抽查计划（基准）', 1,
				       'PUBLISHED', timestamptz '2026-01-02 09:00+08', 'bench', timestamptz '2026-01-03 09:00+08',
				       timestamptz '2026-01-04 09:00+08', 'bench', timestamptz '2026-01-05 09:00+08', 'bench'
				from department d where d.enforcing""",
				"""
				with e as (
				  insert into plan_entry (plan_id, sort_order, name, selection, level, period_from, period_to,
				                          lead_department_id, methods, rounding)
				  select p.id, b.k, '基准抽查事项' || b.k, case when b.k % 4 = 0 then 'DIRECTED' else 'UNDIRECTED' end,
				         'CITY_CITY', date '2026-01-01', date '2026-12-31', b.lead, 'ON_SITE', 'CEILING'
				  from bench_task b join plan p on p.owner_department_id = b.lead and p.code like 'BENCH-%'
				  returning id, sort_order)
				update bench_task b set entry_id = e.id from e where e.sort_order = b.k""",
				"""
				insert into plan_entry_department (plan_entry_id, department_id, officers_per_target)
				select entry_id, lead, 2 from bench_task
				union all select entry_id, second, 2 from bench_task where second is not null""",
				"""
				insert into plan_entry_item (plan_entry_id, department_id, joint, item_code, item_name)
				select entry_id, dep, second is not null, code, name
				from (select entry_id, lead as dep, second from bench_task
				      union all select entry_id, second, second from bench_task where second is not null) x,
				     (values ('BENCH-01', '营业执照（登记证）规范使用情况的检查'), ('BENCH-02', '经营者公示信息情况的检查')) i(code, name)""",
				"""
				with t as (
				  insert into task (code, series, task_year, sequence_no, plan_id, plan_entry_id, joint, lead_department_id,
				                    name, basis, region, targets, content, methods, schedule_from, schedule_to, state,
				                    target_count, created_at, created_by, state_changed_at)
				  select 'BENCH-2026-' || lpad((b.k + 1)::text, 6, '0'), 'BENCH', 2026, b.k + 1, e.plan_id, b.entry_id,
				         b.second is not null, b.lead, '基准抽查任务' || (b.k + 1), '《基准检查依据》', '鄂尔多斯市',
				         '名录库中的市场主体', '基准抽查事项' || b.k, '现场检查', date '2026-01-10', date '2026-12-20',
				         'IN_PROGRESS', %d, timestamptz '2026-01-06 09:00+08', 'bench', timestamptz '2026-01-08 09:00+08'
				  from bench_task b join plan_entry e on e.id = b.entry_id
				  returning id, plan_entry_id)
				update bench_task b set task_id = t.id from t where t.plan_entry_id = b.entry_id""".formatted(RESULTS_PER_TASK),
				"""
				insert into task_department (task_id, department_id, lead, officers_per_target, items)
				select task_id, lead, true, 2, E'BENCH-01 营业执照（登记证）规范使用情况的检查\nBENCH-02 经营者公示信息情况的检查'
				from bench_task
				union all
				select task_id, second, false, 2, E'BENCH-01 营业执照（登记证）规范使用情况的检查\nBENCH-02 经营者公示信息情况的检查'
				from bench_task where second is not null""",
				"""
				with d as (
				  insert into draw (task_id, attributes, prechecked_at, prechecked_by, frozen_at, frozen_by, plan_json,
				                    plan_hash, committed_at, committed_by)
				  select task_id, 'credit_class', timestamptz '2026-01-07 09:00+08', 'bench', timestamptz '2026-01-07 09:10+08',
				         'bench', convert_to('{}', 'UTF8'), encode(sha256(convert_to('{}', 'UTF8')), 'hex'),
				         timestamptz '2026-01-07 09:20+08', 'bench'
				  from bench_task
				  returning id, task_id)
				update bench_task b set draw_id = d.id from d where d.task_id = b.task_id""",
				"create index on bench_task (k)",
				// n: the result's number; k = n / per task its task; the target is n × 7919 mod the registry (7919 is
				// prime, so no target twice); one result in five found a problem
				"""
				insert into inspection_result (task_id, draw_id, target_id, department_id, state, inspection_date,
				                               category_code, team, deadline, entered_by, entered_at, submitted_at,
				                               reviewed_by, reviewed_at, published_at)
				select b.task_id, b.draw_id, %d + (r.n * 7919::bigint) %% %d,
				       case when b.second is not null and r.n %% 2 = 1 then b.second else b.lead end, 'PUBLISHED',
				       r.day, case when r.n %% 5 = 0 then c.codes[r.n / 5 %% cardinality(c.codes) + 1] else 'NO_PROBLEM' end,
				       '基准检查员甲、基准检查员乙', r.day + 28, 'bench', r.day + time '16:00', r.day + time '16:30', 'bench',
				       r.day + 1 + time '10:00', r.day + 1 + time '10:00' + (r.n %% %d) * interval '1 second'
				from (select n, date '2026-01-12' + (n / %d %% 300)::int as day from generate_series(0, %d) as n) r
				join bench_task b on b.k = r.n / %d,
				(select array_agg(code order by sort_order) as codes from dictionary_entry
				  where dictionary = 'RESULT_CATEGORY' and code <> 'NO_PROBLEM') c""".formatted(base, TARGETS,
						RESULTS_PER_TASK, RESULTS_PER_TASK, RESULTS - 1, RESULTS_PER_TASK),
				"""
				insert into inspection_result_item (result_id, position, item_code, item_name, checked)
				select r.id, i.position, i.code, i.name, true from inspection_result r,
				  (values (0, 'BENCH-01', '营业执照（登记证）规范使用情况的检查'), (1, 'BENCH-02', '经营者公示信息情况的检查'))
				  i(position, code, name)
				where r.entered_by = 'bench'""",
				"""
				insert into inspection_result_method (result_id, method)
				select id, 'ON_SITE' from inspection_result where entered_by = 'bench'""",
				"""
				insert into inspection_result_step (result_id, seq, action, actor, at)
				select id, 1, 'SUBMIT', 'bench', submitted_at from inspection_result where entered_by = 'bench'
				union all
				select id, 2, 'PUBLISH', 'bench', published_at from inspection_result where entered_by = 'bench'""",
				"drop table bench_task");
	}

	static String code(int i) {
		return ((i % 3 == 0) ? "92" : "91") + REGIONS[i % 9] + String.format("%010d", i);
	}

	static String search(String q) {
		return "/public/entities?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
	}

	@SafeVarargs
	static List<String> interleave(List<String>... lists) {
		List<String> all = new ArrayList<>();
		int longest = java.util.Arrays.stream(lists).mapToInt(List::size).max().orElse(0);
		for (int i = 0; i < longest; i++) {
			for (List<String> list : lists) {
				if (i < list.size()) {
					all.add(list.get(i));
				}
			}
		}
		return all;
	}

	/** Linux's USER_HZ: the unit of the CPU times in /proc/[pid]/stat. */
	static final double CLOCK_TICKS = 100;

	/**
	 * CPU time of this JVM (the app, its GC and JIT: the benchmark itself idles while wrk runs), for the CPU a page
	 * costs: on a machine shared with other work, throughput and latency move with the load, CPU per request much less.
	 */
	static long jvmCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * CPU time of each of Tomcat's request threads, by thread id: the page's own work, without the JIT compiling
	 * (which a short warm-up on a busy machine leaves more of to the measured run) and without the GC.
	 */
	static Map<Long, Long> requestThreadCpuNanos() {
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		Map<Long, Long> cpu = new java.util.HashMap<>();
		for (Thread t : Thread.getAllStackTraces().keySet()) {
			if (t.getName().startsWith("http-nio-")) {
				long nanos = threads.getThreadCpuTime(t.getId());
				if (nanos >= 0) {
					cpu.put(t.getId(), nanos);
				}
			}
		}
		return cpu;
	}

	/**
	 * CPU ticks of this run's PostgreSQL: its postmaster (from postmaster.pid in its data directory) and the
	 * processes it started (the pool's backends live through a case); -1 where that cannot be read.
	 */
	long postgresCpuTicks() {
		try {
			String directory = this.jdbc.queryForObject("show data_directory", String.class);
			long postmaster = Long.parseLong(Files.readAllLines(Path.of(directory, "postmaster.pid")).get(0).strip());
			long ticks = 0;
			try (var processes = Files.list(Path.of("/proc"))) {
				for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
					try {
						String stat = Files.readString(process.resolve("stat"));
						// the fields after the command name in parentheses: state, ppid, ..., utime (14th), stime (15th)
						String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						long pid = Long.parseLong(process.getFileName().toString());
						if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
							ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
						}
					}
					catch (IOException | RuntimeException ex) {
						// a process that ended while the list was read
					}
				}
			}
			return ticks;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	Map<String, String> wrk(Path paths, String duration) throws IOException, InterruptedException {
		Path out = DIR.resolve("wrk-output.txt");
		ProcessBuilder builder = new ProcessBuilder("/usr/bin/wrk", "-t4", "-c32", "-d" + duration, "--timeout", "10s",
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
