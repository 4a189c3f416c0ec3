package org.doublerandom.inspection.oversight.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.doublerandom.inspection.audit.AuditJson;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 存档 of the demo joint task, drawn with its teams: unzipped, every file's SHA-256 recomputed and compared with
 * manifest.json and SHA256SUMS; the evidence package, teams and audit events inside; the download recorded; a
 * department outside the task gets "not found".
 */
@SpringBootTest(properties = { "inspection.demo.enabled=true", "inspection.archive.retention=P2Y" })
@AutoConfigureMockMvc
class ArchiveTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	long drawnTask() {
		return this.jdbc.queryForObject("select d.task_id from draw d join draw_result r on r.draw_id = d.id "
				+ "where d.demo and d.voided_at is null order by d.id limit 1", Long.class);
	}

	static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				files.put(entry.getName(), in.readAllBytes());
			}
		}
		return files;
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	@Test
	void theDossierUnzipsAndEveryFileMatchesItsManifestHash() throws Exception {
		long taskId = drawnTask();
		String code = this.jdbc.queryForObject("select code from task where id = ?", String.class, taskId);
		long exportsBefore = this.jdbc.queryForObject("select count(*) from audit_event where action = 'oversight.archive'",
				Long.class);
		var response = this.mvc.perform(get("/oversight/tasks/{id}/dossier", taskId).with(as("scjg-manager")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).isEqualTo("application/zip");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment");
		Map<String, byte[]> files = unzip(response.getContentAsByteArray());

		assertThat(files).containsKeys("README.txt", "plan.json", "task.json", "draws.json", "teams.json",
				"audit-events.jsonl", "manifest.json", "SHA256SUMS");
		String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
		List<String> sums = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8).lines().toList();
		// every file but the two manifests is listed once, with the hash of its bytes as unpacked
		assertThat(sums).hasSize(files.size() - 2);
		for (String line : sums) {
			String[] hashAndPath = line.split("  ", 2);
			assertThat(files).containsKey(hashAndPath[1]);
			assertThat(sha256(files.get(hashAndPath[1]))).as(hashAndPath[1]).isEqualTo(hashAndPath[0]);
			assertThat(manifest).contains("\"path\": " + AuditJson.quote(hashAndPath[1]) + ",\n      \"bytes\": "
					+ files.get(hashAndPath[1]).length + ",\n      \"sha256\": \"" + hashAndPath[0] + "\"");
		}
		assertThat(manifest).contains("\"format\": \"task-dossier-v1\"", "\"task\": " + AuditJson.quote(code),
				"\"generatedBy\": \"scjg-manager\"", "\"retainOnlineUntil\": ");
		String scheduleTo = this.jdbc.queryForObject("select (schedule_to + interval '2 years')::date::text from task where id = ?",
				String.class, taskId);
		assertThat(manifest).contains("\"retainOnlineUntil\": \"" + scheduleTo + "\"");

		// the draw's evidence package, as the draw feature exports it, and the teams it drew
		long drawId = this.jdbc.queryForObject("select id from draw where task_id = ? and voided_at is null", Long.class, taskId);
		Map<String, byte[]> evidence = unzip(files.get("draws/draw-" + drawId + "-evidence.zip"));
		assertThat(evidence).containsKeys("draw-" + drawId + "/plan.json", "draw-" + drawId + "/pool.csv",
				"draw-" + drawId + "/result.json");
		String digest = this.jdbc.queryForObject("select digest from draw_result where draw_id = ?", String.class, drawId);
		assertThat(new String(files.get("teams.json"), StandardCharsets.UTF_8)).contains("\"resultDigest\": \"" + digest + "\"",
				"\"members\"");
		assertThat(new String(files.get("task.json"), StandardCharsets.UTF_8)).contains("\"code\": " + AuditJson.quote(code));

		// the task's audit events, as the chain's export lines, in sequence order
		List<String> events = new String(files.get("audit-events.jsonl"), StandardCharsets.UTF_8).lines().toList();
		assertThat(events).anySatisfy(l -> assertThat(l).contains("\"action\":\"draw.run\""))
			.anySatisfy(l -> assertThat(l).contains("\"action\":\"task.create\""));
		List<Long> seqs = events.stream().map(l -> Long.parseLong(AuditJson.parseFlat(l).get("seq"))).toList();
		assertThat(seqs).isSorted().doesNotHaveDuplicates();

		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'oversight.archive'",
				Long.class)).isEqualTo(exportsBefore + 1);
		assertThat(this.jdbc.queryForObject("select detail from audit_event where action = 'oversight.archive' "
				+ "order by seq desc limit 1", String.class)).isEqualTo("task " + taskId + " " + code + " dossier");
	}

	@Test
	void aDepartmentOutsideTheTaskDoesNotFindItAndAnOfficerMayNotArchive() throws Exception {
		long otherTask = this.jdbc.queryForObject("select t.id from task t where not exists (select 1 from task_department d "
				+ "join department dp on dp.id = d.department_id where d.task_id = t.id and dp.code = 'SCJG') order by t.id limit 1",
				Long.class);
		this.mvc.perform(get("/oversight/tasks/{id}/dossier", otherTask).with(as("scjg-manager")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/oversight/tasks/{id}/dossier", otherTask).with(as("bureau"))).andExpect(status().isOk());
		this.mvc.perform(get("/oversight/tasks/{id}/dossier", drawnTask()).with(as("scjg-officer1")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theDossierCarriesEveryResultWithItsReviewFollowUpsAndAttachmentFiles() throws Exception {
		long taskId = this.jdbc.queryForObject("select task_id from inspection_result_attachment a "
				+ "join inspection_result r on r.id = a.result_id order by a.id limit 1", Long.class);
		Map<String, byte[]> files = unzip(this.mvc.perform(get("/oversight/tasks/{id}/dossier", taskId).with(as("bureau")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
		List<String> sums = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8).lines().toList();
		String json = new String(files.get("results/results.json"), StandardCharsets.UTF_8);

		// every result of the task, of every department, once
		List<Long> resultIds = this.jdbc.queryForList("select id from inspection_result where task_id = ?", Long.class, taskId);
		assertThat(resultIds).isNotEmpty();
		assertThat(this.jdbc.queryForObject("select count(distinct department_id) from inspection_result where task_id = ?",
				Long.class, taskId)).isGreaterThan(1);
		for (long id : resultIds) {
			assertThat(json).containsOnlyOnce("\"id\": " + id + ",\n      \"department\"");
		}
		String opinion = this.jdbc.queryForObject("select opinion from inspection_result_step s join inspection_result r "
				+ "on r.id = s.result_id where r.task_id = ? and s.opinion is not null order by s.at limit 1", String.class, taskId);
		String transfer = this.jdbc.queryForObject("select description from result_follow_up f join inspection_result r "
				+ "on r.id = f.result_id where r.task_id = ? and f.kind = 'TRANSFER' limit 1", String.class, taskId);
		assertThat(json).contains("\"reviewSteps\"", "\"action\": \"PUBLISH\"", AuditJson.quote(opinion),
				"\"kind\": \"TRANSFER\"", AuditJson.quote(transfer), "\"receivingDepartment\": \"WSJK\"",
				"\"items\"", "\"methods\"", "\"measures\"", "\"team\"");

		// each attachment is there as a file whose bytes hash to the SHA-256 stored at upload, listed in the manifest
		List<Map<String, Object>> attachments = this.jdbc.queryForList("select a.id, a.result_id, a.sha256, a.size_bytes "
				+ "from inspection_result_attachment a join inspection_result r on r.id = a.result_id where r.task_id = ?", taskId);
		assertThat(attachments).isNotEmpty();
		for (Map<String, Object> a : attachments) {
			String prefix = "results/" + a.get("result_id") + "/" + a.get("id") + "-";
			String path = files.keySet().stream().filter(p -> p.startsWith(prefix)).findFirst().orElseThrow();
			assertThat(sha256(files.get(path))).isEqualTo(a.get("sha256"));
			assertThat((long) files.get(path).length).isEqualTo(((Number) a.get("size_bytes")).longValue());
			assertThat(sums).contains(a.get("sha256") + "  " + path);
			assertThat(manifest).contains("\"path\": " + AuditJson.quote(path));
			assertThat(json).contains("\"path\": " + AuditJson.quote(path) + ",\n          \"sha256Matches\": true");
		}
		assertThat(sums).anySatisfy(l -> assertThat(l).endsWith("  results/results.json"));
		// the results' audit events, each of one of the task's results, in sequence order
		List<String> events = new String(files.get("results/audit-events.jsonl"), StandardCharsets.UTF_8).lines().toList();
		assertThat(events).isNotEmpty().allSatisfy(l -> {
			Map<String, String> event = AuditJson.parseFlat(l);
			assertThat(event.get("objectType")).isEqualTo("inspectionResult");
			assertThat(resultIds).contains(Long.parseLong(event.get("objectId")));
		});
		assertThat(events.stream().map(l -> Long.parseLong(AuditJson.parseFlat(l).get("seq"))).toList()).isSorted();
	}

	@Test
	void aTaskWithoutResultsHasNoResultsFolder() throws Exception {
		long taskId = this.jdbc.queryForObject("select t.id from task t where not exists (select 1 from inspection_result r "
				+ "where r.task_id = t.id) order by t.id limit 1", Long.class);
		Map<String, byte[]> files = unzip(this.mvc.perform(get("/oversight/tasks/{id}/dossier", taskId).with(as("bureau")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(files.keySet()).noneMatch(p -> p.startsWith("results/"));
	}

}
