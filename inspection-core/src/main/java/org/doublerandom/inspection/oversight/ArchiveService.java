package org.doublerandom.inspection.oversight;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.doublerandom.inspection.audit.AuditEntry;
import org.doublerandom.inspection.audit.AuditJson;
import org.doublerandom.inspection.audit.AuditLedger;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditQuery;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.draw.DrawCeremonyService;
import org.doublerandom.inspection.draw.DrawStore;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.plan.ClassSampling;
import org.doublerandom.inspection.plan.EntryDepartment;
import org.doublerandom.inspection.plan.EntryItem;
import org.doublerandom.inspection.plan.Plan;
import org.doublerandom.inspection.plan.PlanEntry;
import org.doublerandom.inspection.plan.Plans;
import org.doublerandom.inspection.plan.TargetScope;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.task.SubTask;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.Tasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 存档: a task's dossier as one ZIP, streamed: README, plan and task, the draws with their evidence packages,
 * the teams, the task's audit events, then what the {@link DossierSection} beans add, and last the manifest
 * (manifest.json and SHA256SUMS) with the SHA-256 of every file before it. The bureau archives any task, a
 * department manager the tasks their department leads or takes part in.
 */
@Service
@Transactional(readOnly = true)
public class ArchiveService {

	public static final String FORMAT = "task-dossier-v1";

	/** More audit events about one task than any task has: a bound, not a limit anyone should reach. */
	static final int AUDIT_LIMIT = 1_000_000;

	private final Tasks tasks;

	private final Plans plans;

	private final Departments departments;

	private final DrawStore draws;

	private final DrawCeremonyService ceremony;

	private final AuditLedger ledger;

	private final AuditTrail audit;

	private final List<DossierSection> sections;

	private final CurrentActor actor;

	private final Clock clock;

	private final ArchiveRetention retention;

	public ArchiveService(Tasks tasks, Plans plans, Departments departments, DrawStore draws, DrawCeremonyService ceremony,
			AuditLedger ledger, AuditTrail audit, List<DossierSection> sections, CurrentActor actor, Clock clock,
			@Value("${inspection.archive.retention:P6M}") String retention) {
		this.tasks = tasks;
		this.plans = plans;
		this.departments = departments;
		this.draws = draws;
		this.ceremony = ceremony;
		this.ledger = ledger;
		this.audit = audit;
		this.sections = sections.stream().sorted(Comparator.comparingInt(DossierSection::order)).toList();
		this.actor = actor;
		this.clock = clock;
		this.retention = new ArchiveRetention(Period.parse(retention));
	}

	/** The task, if the actor may archive it; else "not found" (a department does not learn of others' tasks). */
	public Task archivable(long taskId) {
		Actor me = this.actor.get();
		me.require("oversight.archive", Role.BUREAU, Role.DEPT_MANAGER);
		Task task = (me.has(Role.BUREAU) ? this.tasks.findById(taskId) : this.tasks.findReadable(taskId, me.departmentId()))
			.orElseThrow(() -> new NotFoundException("task", taskId));
		task.getSubTasks().size();
		return task;
	}

	public ArchiveRetention retention() {
		return this.retention;
	}

	/** Writes the dossier; recorded as an export first, so the dossier's audit file can be checked for it. */
	public void writeDossier(long taskId, OutputStream out) throws IOException {
		Actor me = this.actor.get();
		Task task = archivable(taskId);
		this.audit.recordStandalone(me, "oversight.archive", AuditOutcome.SUCCESS,
				"task " + task.getId() + " " + task.getCode() + " dossier");
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Dossier dossier = new Dossier(out);
		dossier.add("README.txt", readme(task, now));
		Plan plan = this.plans.findById(task.getPlanId()).orElseThrow(() -> new NotFoundException("plan", task.getPlanId()));
		PlanEntry entry = this.plans.findEntryById(task.getPlanEntryId())
			.orElseThrow(() -> new NotFoundException("planEntry", task.getPlanEntryId()));
		dossier.add("plan.json", DossierJson.bytes(plan(plan, entry)));
		dossier.add("task.json", DossierJson.bytes(task(task)));
		writeDraws(task, dossier);
		dossier.add("audit-events.jsonl", auditEvents(task));
		for (DossierSection section : this.sections) {
			section.write(task, dossier);
		}
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("format", FORMAT);
		manifest.put("task", task.getCode());
		manifest.put("taskId", task.getId());
		manifest.put("generatedAt", now);
		manifest.put("generatedBy", me.username());
		manifest.put("retainOnlineUntil", this.retention.retainUntil(task.getScheduleTo()));
		manifest.put("hashAlgorithm", "SHA-256");
		List<Object> files = new ArrayList<>();
		StringBuilder sums = new StringBuilder();
		for (Dossier.Written f : dossier.written) {
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("path", f.path());
			file.put("bytes", f.bytes());
			file.put("sha256", f.sha256());
			files.add(file);
			// the format of sha256sum: "sha256sum -c SHA256SUMS" checks the unpacked files
			sums.append(f.sha256()).append("  ").append(f.path()).append('\n');
		}
		manifest.put("files", files);
		dossier.entry("manifest.json", DossierJson.bytes(manifest));
		dossier.entry("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
		dossier.zip.finish();
		dossier.zip.flush();
	}

	private void writeDraws(Task task, Dossier dossier) throws IOException {
		List<DrawStore.Stored> all = this.draws.forTask(task.getId());
		List<Object> summary = new ArrayList<>();
		for (DrawStore.Stored d : all) {
			Map<String, Object> draw = new LinkedHashMap<>();
			draw.put("id", d.id());
			draw.put("prechecked", d.precheckedAt());
			draw.put("frozen", d.frozenAt());
			draw.put("committed", d.committedAt());
			draw.put("planHash", d.planHash());
			draw.put("drandRound", d.drandRound());
			draw.put("voided", d.voidedAt());
			draw.put("voidedBy", d.voidedBy());
			draw.put("voidApprover", d.voidApprover());
			draw.put("voidReason", d.voidReason());
			draw.put("demo", d.demo());
			var result = this.draws.result(d.id());
			draw.put("resultDigest", result.map(DrawStore.StoredResult::digest).orElse(null));
			draw.put("resultStatus", result.map(DrawStore.StoredResult::status).orElse(null));
			draw.put("selected", result.map(DrawStore.StoredResult::selectedCount).orElse(null));
			List<Object> amendments = new ArrayList<>();
			for (DrawStore.StoredAmendment a : this.draws.amendments(d.id())) {
				Map<String, Object> amendment = new LinkedHashMap<>();
				amendment.put("seq", a.seq());
				amendment.put("type", a.type());
				amendment.put("target", a.targetId());
				amendment.put("replacement", a.replacement());
				amendment.put("reason", a.reason());
				amendment.put("requestedBy", a.requestedBy());
				amendment.put("approver", a.approver());
				amendment.put("recordedAt", a.recordedAt());
				amendments.add(amendment);
			}
			draw.put("amendments", amendments);
			if (result.isPresent() && d.isCommitted()) {
				String path = "draws/draw-" + d.id() + "-evidence.zip";
				draw.put("evidence", path);
				dossier.add(path, zip -> this.ceremony.writeEvidence(d.id(), true, zip));
			}
			if (result.isPresent() && !d.isVoided()) {
				dossier.add("teams.json", DossierJson.bytes(teams(d.id(), result.get())));
			}
			summary.add(draw);
		}
		dossier.add("draws.json", DossierJson.bytes(summary));
	}

	/** The confirmed teams of the live draw, with the names of targets and inspectors. */
	private Map<String, Object> teams(long drawId, DrawStore.StoredResult result) {
		Map<String, List<Map<String, Object>>> teams = DrawCeremonyService.teams(result);
		Map<String, DrawStore.Name> targets = this.draws.targetNames(drawId, teams.keySet());
		Map<String, DrawStore.Name> inspectors = this.draws.inspectorNames(drawId);
		List<Object> rows = new ArrayList<>();
		teams.forEach((target, slots) -> {
			Map<String, Object> team = new LinkedHashMap<>();
			team.put("target", target);
			team.put("targetName", targets.containsKey(target) ? targets.get(target).name() : null);
			List<Object> members = new ArrayList<>();
			for (Map<String, Object> slot : slots) {
				String inspector = (String) slot.get("inspector");
				Map<String, Object> member = new LinkedHashMap<>();
				member.put("department", slot.get("department"));
				member.put("slot", slot.get("slot"));
				member.put("inspector", inspector);
				member.put("name", inspectors.containsKey(inspector) ? inspectors.get(inspector).name() : null);
				members.add(member);
			}
			team.put("members", members);
			rows.add(team);
		});
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("draw", drawId);
		json.put("resultDigest", result.digest());
		json.put("teams", rows);
		return json;
	}

	/** Every event about the task, its draws and its plan, in sequence order (the export format of the chain). */
	private byte[] auditEvents(Task task) {
		List<AuditEntry> events = new ArrayList<>();
		for (String[] object : List.of(new String[] { "plan", task.getPlanId().toString() },
				new String[] { "task", task.getId().toString() }, new String[] { "draw", task.getId().toString() })) {
			this.ledger.forEachMatching(new AuditQuery(null, null, object[0], object[1], null, null, null, null),
					AUDIT_LIMIT, events::add);
		}
		StringBuilder out = new StringBuilder();
		events.stream()
			.sorted(Comparator.comparingLong(AuditEntry::sequenceNo))
			.forEach(e -> out.append(AuditJson.exportLine(e)).append('\n'));
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private Map<String, Object> plan(Plan plan, PlanEntry entry) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", plan.getId());
		json.put("code", plan.getCode());
		json.put("name", plan.getName());
		json.put("type", plan.getType());
		json.put("year", plan.getYear());
		json.put("owner", departmentCode(plan.getOwnerDepartmentId()));
		json.put("version", plan.getVersionNo());
		json.put("amendmentReason", plan.getAmendmentReason());
		json.put("state", plan.getState());
		json.put("createdAt", plan.getCreatedAt());
		json.put("createdBy", plan.getCreatedBy());
		json.put("approvedAt", plan.getApprovedAt());
		json.put("approvedBy", plan.getApprovedBy());
		json.put("publishedAt", plan.getPublishedAt());
		json.put("publishedBy", plan.getPublishedBy());
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("id", entry.getId());
		e.put("name", entry.getName());
		e.put("selection", entry.getSelection());
		e.put("level", entry.getLevel());
		e.put("periodFrom", entry.getPeriodFrom());
		e.put("periodTo", entry.getPeriodTo());
		e.put("lead", departmentCode(entry.getLeadDepartmentId()));
		e.put("methods", entry.getMethods().stream().map(Enum::name).sorted().toList());
		TargetScope scope = entry.scope();
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("kinds", scope.kinds().stream().map(Enum::name).sorted().toList());
		s.put("regions", scope.regionCodes().stream().sorted().toList());
		s.put("industries", scope.industryCodes().stream().sorted().toList());
		s.put("creditClasses", scope.creditBands().stream().map(Enum::name).sorted().toList());
		s.put("statuses", scope.statuses().stream().map(Enum::name).sorted().toList());
		s.put("tags", scope.tags().stream().sorted().toList());
		s.put("licences", scope.licences().stream().sorted().toList());
		s.put("keySupervisionOnly", scope.keySupervisionOnly());
		e.put("scope", s);
		e.put("excludeWithinMonths", entry.getExcludeWithinMonths());
		e.put("rounding", entry.getRounding());
		e.put("sampleTotal", entry.getSampleTotal());
		List<Object> sampling = new ArrayList<>();
		for (ClassSampling c : entry.getSampling()) {
			Map<String, Object> rule = new LinkedHashMap<>();
			rule.put("creditClass", c.getBand());
			rule.put("rateBasisPoints", c.getRateBasisPoints());
			rule.put("fixedCount", c.getFixedCount());
			sampling.add(rule);
		}
		e.put("sampling", sampling);
		List<Object> departments = new ArrayList<>();
		for (EntryDepartment d : entry.getDepartments()) {
			Map<String, Object> dept = new LinkedHashMap<>();
			dept.put("department", departmentCode(d.getDepartmentId()));
			dept.put("officersPerTarget", d.getOfficersPerTarget());
			departments.add(dept);
		}
		e.put("departments", departments);
		List<Object> items = new ArrayList<>();
		for (EntryItem i : entry.getItems()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("department", departmentCode(i.getDepartmentId()));
			item.put("joint", i.isJoint());
			item.put("code", i.getItemCode());
			item.put("name", i.getItemName());
			items.add(item);
		}
		e.put("items", items);
		json.put("entry", e);
		return json;
	}

	private Map<String, Object> task(Task task) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", task.getId());
		json.put("code", task.getCode());
		json.put("name", task.getName());
		json.put("joint", task.isJoint());
		json.put("lead", departmentCode(task.getLeadDepartmentId()));
		json.put("state", task.getState());
		json.put("stateChangedAt", task.getStateChangedAt());
		json.put("scheduleFrom", task.getScheduleFrom());
		json.put("scheduleTo", task.getScheduleTo());
		json.put("targetCount", task.getTargetCount());
		json.put("basis", task.getBasis());
		json.put("region", task.getRegion());
		json.put("targets", task.getTargets());
		json.put("content", task.getContent());
		json.put("methods", task.getMethods());
		json.put("requirements", task.getRequirements());
		json.put("createdAt", task.getCreatedAt());
		json.put("createdBy", task.getCreatedBy());
		List<Object> subTasks = new ArrayList<>();
		for (SubTask s : task.getSubTasks()) {
			Map<String, Object> sub = new LinkedHashMap<>();
			sub.put("department", departmentCode(s.getDepartmentId()));
			sub.put("lead", s.isLead());
			sub.put("officersPerTarget", s.getOfficersPerTarget());
			sub.put("items", s.itemLines());
			subTasks.add(sub);
		}
		json.put("subTasks", subTasks);
		return json;
	}

	private String departmentCode(Long id) {
		return (id == null) ? null : this.departments.findById(id).map(Department::getCode).orElse(id.toString());
	}

	private byte[] readme(Task task, Instant now) {
		String text = """
				抽查任务存档（task-dossier-v1）
				任务：%s %s
				生成时间：%s
				在线保存至：%s（任务计划结束日加保存期限 %s）

				文件
				  README.txt          本说明
				  plan.json           任务所依据的年度抽查计划及抽查项目（范围、比例、部门、事项）
				  task.json           任务及各参加部门的子任务
				  draws.json          该任务的每一次抽取：承诺哈希、结果摘要、作废与变更及其原因
				  draws/*.zip         每次已抽取的证据包（docs/draw-algorithm.md，可用 verify_draw.py 独立复核）
				  teams.json          现行抽取结果确定的检查组
				  audit-events.jsonl  与计划、任务、抽取有关的全部操作日志（哈希链导出格式，docs/audit-chain.md）
				  results/results.json        各部门的检查结果：检查事项、方式、结果类别、处置措施、检查组、
				                              审核记录（审核人、意见、时间）、后续处置（抄告、移送）及附件清单
				  results/<结果号>/*          附件原件（sha256Matches 为附件上传时记录的哈希与内容是否一致）
				  results/audit-events.jsonl  与检查结果有关的全部操作日志
				  manifest.json       每个文件的 SHA-256 和字节数
				  SHA256SUMS          同上，sha256sum 格式

				核验：解压后在本目录执行 sha256sum -c SHA256SUMS；
				操作日志的每一行可用 verifier/VerifyAudit.java 对照签名检查点核验。
				没有检查结果的任务不含 results 目录；检查文书为按需生成的空白文书，不在存档中。

				Task dossier (task-dossier-v1) of %s. Verify the unpacked files with: sha256sum -c SHA256SUMS
				""".formatted(task.getCode(), task.getName(), now, this.retention.retainUntil(task.getScheduleTo()),
				this.retention.online(), task.getCode());
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** The ZIP being written, and the hash and size of every file in it so far. */
	static final class Dossier implements DossierSection.Files {

		record Written(String path, long bytes, String sha256) {
		}

		final ZipOutputStream zip;

		final List<Written> written = new ArrayList<>();

		Dossier(OutputStream out) {
			this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		}

		@Override
		public void add(String path, byte[] bytes) throws IOException {
			add(path, out -> out.write(bytes));
		}

		@Override
		public void add(String path, DossierSection.StreamWriter writer) throws IOException {
			check(path);
			MessageDigest digest = sha256();
			long[] count = { 0 };
			this.zip.putNextEntry(new ZipEntry(path));
			// the writer sees a stream it cannot close and whose every byte is hashed and counted
			OutputStream entry = new FilterOutputStream(new DigestOutputStream(this.zip, digest)) {

				@Override
				public void write(byte[] b, int off, int len) throws IOException {
					this.out.write(b, off, len);
					count[0] += len;
				}

				@Override
				public void write(int b) throws IOException {
					this.out.write(b);
					count[0]++;
				}

				@Override
				public void close() throws IOException {
					flush();
				}

			};
			writer.writeTo(entry);
			entry.flush();
			this.zip.closeEntry();
			this.written.add(new Written(path, count[0], HexFormat.of().formatHex(digest.digest())));
		}

		/** Manifest files are not in the manifest. */
		void entry(String path, byte[] bytes) throws IOException {
			this.zip.putNextEntry(new ZipEntry(path));
			this.zip.write(bytes);
			this.zip.closeEntry();
		}

		private void check(String path) {
			if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")
					|| path.equals("manifest.json") || path.equals("SHA256SUMS")
					|| this.written.stream().anyMatch(w -> w.path().equals(path))) {
				throw new IllegalArgumentException("dossier path refused: " + path);
			}
		}

		private static MessageDigest sha256() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
