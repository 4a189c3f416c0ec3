package org.doublerandom.inspection.draw;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.doublerandom.inspection.account.CredentialConfirmation;
import org.doublerandom.inspection.account.UserAccounts;
import org.doublerandom.inspection.audit.AuditEvent;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.plan.ClassSampling;
import org.doublerandom.inspection.plan.CreditBand;
import org.doublerandom.inspection.plan.EntryDepartment;
import org.doublerandom.inspection.plan.EntryItem;
import org.doublerandom.inspection.plan.PlanEntry;
import org.doublerandom.inspection.plan.Plans;
import org.doublerandom.inspection.plan.RoundingRule;
import org.doublerandom.inspection.plan.SamplingPolicy;
import org.doublerandom.inspection.target.TargetStatus;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskState;
import org.doublerandom.inspection.task.Tasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抽取仪式 of a task, one step at a time: pre-check (预查比对) → freeze (锁定) → commit (承诺) → source values →
 * draw → amendments. Each step is a transition of the {@link Task} and an audit event; the draw itself is
 * docs/draw-algorithm.md (draw-v1), run on the frozen tables. The lead department's managers and officers run
 * it; the bureau runs joint tasks.
 */
@Service
@Transactional(readOnly = true)
public class DrawCeremonyService {

	/** Beijing time: the lottery rule's "after the commit date" is a date in China. */
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final int RESERVES = 3;

	private final DrawStore store;

	private final Tasks tasks;

	private final Plans plans;

	private final Departments departments;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	private final UserAccounts accounts;

	private final CredentialConfirmation confirmation;

	private final long drandDelaySeconds;

	private final boolean lottery;

	private final String codeRelease;

	private final Set<String> announcementHosts;

	/** Tests only: thrown mid-draw, after the result rows are written and before the task moves. */
	volatile Runnable faultAfterStore;

	public DrawCeremonyService(DrawStore store, Tasks tasks, Plans plans, Departments departments, CurrentActor actor,
			AuditTrail audit, Clock clock, UserAccounts accounts, CredentialConfirmation confirmation, @Value("${inspection.draw.drand-delay-seconds:600}") long drandDelaySeconds,
			@Value("${inspection.draw.lottery:false}") boolean lottery,
			@Value("${inspection.draw.code-release:dev}") String codeRelease,
			@Value("${inspection.draw.lottery-announcement-hosts:cwl.gov.cn}") List<String> announcementHosts) {
		this.store = store;
		this.tasks = tasks;
		this.plans = plans;
		this.departments = departments;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
		this.accounts = accounts;
		this.confirmation = confirmation;
		this.drandDelaySeconds = drandDelaySeconds;
		this.lottery = lottery;
		this.codeRelease = codeRelease;
		this.announcementHosts = announcementHosts.stream().map(h -> h.strip().toLowerCase()).filter(h -> !h.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Everything the operator page shows. */
	public record Ceremony(Task task, Optional<DrawStore.Stored> draw, List<DrawStore.Stored> voided,
			SortedMap<String, Long> exclusions, Map<DrawStore.InputFile, Long> inputCounts, List<DrawPlan.Source> declared,
			List<DrawStore.StoredSource> sources, Optional<DrawStore.StoredResult> result,
			List<DrawStore.StoredAmendment> amendments, List<AuditEvent> history, Instant now, boolean mayRun,
			List<DrawStore.StoredWitness> witnesses, String myWitness) {

		public boolean isDrandDue() {
			return this.draw.map(d -> d.drandDueAt() == null || !this.now.isBefore(d.drandDueAt())).orElse(false);
		}

		/** The lottery the plan names, if any. */
		public DrawPlan.Lottery lottery() {
			return this.declared.stream().filter(DrawPlan.Lottery.class::isInstance).map(DrawPlan.Lottery.class::cast)
				.findFirst().orElse(null);
		}

		/** Whether the named witness has revealed (its value is among the entered sources). */
		public boolean revealed(String witness) {
			return this.sources.stream().anyMatch(s -> "witness".equals(s.kind())
					&& s.valueJson().contains("\"name\":\"" + witness + "\""));
		}

		/** The witnesses the plan declares (empty before the commitment). */
		public List<DrawPlan.Witness> declaredWitnesses() {
			return this.declared.stream().filter(DrawPlan.Witness.class::isInstance).map(DrawPlan.Witness.class::cast).toList();
		}

		public boolean hasAllSources() {
			return !this.declared.isEmpty() && this.sources.size() == this.declared.size();
		}

	}

	public Ceremony ceremony(long taskId) {
		Actor me = reader();
		Task task = readable(me, taskId);
		Optional<DrawStore.Stored> draw = this.store.live(taskId);
		List<DrawStore.Stored> voided = this.store.forTask(taskId).stream().filter(DrawStore.Stored::isVoided).toList();
		SortedMap<String, Long> exclusions = draw.map(d -> this.store.exclusionCounts(d.id())).orElse(new TreeMap<>());
		Map<DrawStore.InputFile, Long> counts = new EnumMap<>(DrawStore.InputFile.class);
		draw.filter(DrawStore.Stored::isFrozen).ifPresent(d -> {
			for (DrawStore.InputFile f : DrawStore.InputFile.values()) {
				counts.put(f, this.store.count(d.id(), f));
			}
		});
		List<DrawPlan.Source> declared = draw.filter(DrawStore.Stored::isCommitted).map(d -> d.plan().sources()).orElse(List.of());
		List<DrawStore.StoredSource> sources = draw.map(d -> this.store.sources(d.id())).orElse(List.of());
		Optional<DrawStore.StoredResult> result = draw.flatMap(d -> this.store.result(d.id()));
		List<DrawStore.StoredAmendment> amendments = draw.map(d -> this.store.amendments(d.id())).orElse(List.of());
		List<AuditEvent> history = new ArrayList<>(this.audit.history("draw", taskId));
		List<DrawStore.StoredWitness> witnesses = draw.map(d -> this.store.witnesses(d.id())).orElse(List.of());
		return new Ceremony(task, draw, voided, exclusions, counts, declared, sources, result, amendments, history,
				this.clock.instant(), mayRun(me, task), witnesses, witnessName(me, task).orElse(null));
	}

	/** 预查比对: the pool from the entry's scope, each ineligible target with its reason. */
	@Transactional
	public long precheck(long taskId) {
		Actor me = this.actor.get();
		Task task = runnable(me, taskId, "draw.precheck");
		return precheck(task, me.username(), false);
	}

	private long precheck(Task task, String by, boolean demo) {
		if (task.getState() != TaskState.CREATED) {
			throw new DomainException("draw.refused.state", null, task.getState());
		}
		PlanEntry entry = entry(task);
		Set<String> itemKeys = entry.getItems().stream().map(i -> i.getDepartmentId() + ":" + i.getItemCode())
			.collect(Collectors.toSet());
		Set<String> itemCodes = entry.getItems().stream().map(EntryItem::getItemCode).collect(Collectors.toSet());
		LocalDate since = (entry.getExcludeWithinMonths() == null) ? null
				: task.getScheduleFrom().minusMonths(entry.getExcludeWithinMonths());
		Set<String> bands = entry.samplingRules().keySet().stream().map(Enum::name).collect(Collectors.toSet());
		Set<String> statuses = entry.scope().statuses().stream().map(TargetStatus::name).collect(Collectors.toSet());
		long drawId = this.store.precheck(task.getId(),
				new DrawStore.PoolQuery(entry.scope(), statuses, since, itemKeys, itemCodes, bands), by, now(), demo);
		SortedMap<String, Long> counts = this.store.exclusionCounts(drawId);
		SortedMap<String, Long> byReason = new TreeMap<>();
		counts.forEach((reason, n) -> byReason.put(reason.isEmpty() ? "ELIGIBLE" : reason, n));
		this.audit.success("draw.precheck", "draw", task.getId(), task.getCode() + " draw " + drawId + ": pool "
				+ counts.values().stream().mapToLong(Long::longValue).sum() + ", by reason " + byReason);
		return drawId;
	}

	/** 锁定: the pool, the roster, the conflicts and the history become immutable (the database refuses changes). */
	@Transactional
	public void freeze(long taskId) {
		Actor me = this.actor.get();
		Task task = runnable(me, taskId, "draw.freeze");
		freeze(task, me.username());
	}

	private void freeze(Task task, String by) {
		DrawStore.Stored draw = this.store.live(task.getId()).orElseThrow(() -> new DomainException("draw.refused.noPrecheck"));
		if (draw.isFrozen() || task.getState() != TaskState.CREATED) {
			throw new DomainException("draw.refused.state", null, task.getState());
		}
		if (this.store.strataCounts(draw.id()).isEmpty()) {
			throw new DomainException("draw.refused.emptyPool");
		}
		PlanEntry entry = entry(task);
		Map<Long, String> codes = new LinkedHashMap<>();
		for (EntryDepartment d : entry.getDepartments()) {
			codes.put(d.getDepartmentId(), this.departments.findById(d.getDepartmentId())
				.orElseThrow(() -> new NotFoundException("department", d.getDepartmentId())).getCode());
		}
		Instant at = now();
		this.store.freeze(draw.id(), new DrawStore.RosterQuery(codes, task.getScheduleTo(), task.getScheduleFrom().getYear()),
				by, at);
		task.freezePool(at);
		this.audit.success("draw.freeze", "draw", task.getId(), task.getCode() + " draw " + draw.id() + " frozen: pool "
				+ this.store.count(draw.id(), DrawStore.InputFile.POOL) + ", roster "
				+ this.store.count(draw.id(), DrawStore.InputFile.ROSTER) + ", conflicts "
				+ this.store.count(draw.id(), DrawStore.InputFile.CONFLICTS) + ", history "
				+ this.store.count(draw.id(), DrawStore.InputFile.HISTORY));
	}

	/**
	 * 承诺: the plan with the entry's sampling and team rules, the input hashes and the sources fixed by rule
	 * (the drand round current at commit time + the delay; optionally the first 快乐8 draw after the commit
	 * date). Its hash is public from now on, before any of the randomness exists.
	 */
	@Transactional
	public String commit(long taskId) {
		Actor me = this.actor.get();
		Task task = runnable(me, taskId, "draw.commit");
		return commit(task, me.username(), now());
	}

	private String commit(Task task, String by, Instant at) {
		DrawStore.Stored draw = this.store.live(task.getId()).orElseThrow(() -> new DomainException("draw.refused.noPrecheck"));
		if (!draw.isFrozen() || draw.isCommitted() || task.getState() != TaskState.POOL_FROZEN) {
			throw new DomainException("draw.refused.state", null, task.getState());
		}
		PlanEntry entry = entry(task);
		OutputStream sink = OutputStream.nullOutputStream();
		DrawPlan.Inputs inputs = new DrawPlan.Inputs(this.store.write(draw.id(), DrawStore.InputFile.POOL, sink),
				this.store.write(draw.id(), DrawStore.InputFile.ROSTER, sink),
				this.store.write(draw.id(), DrawStore.InputFile.CONFLICTS, sink),
				this.store.write(draw.id(), DrawStore.InputFile.HISTORY, sink));
		List<DrawPlan.Source> sources = new ArrayList<>();
		DrawPlan.Drand drand = DrawPlan.Drand.after(at, this.drandDelaySeconds);
		sources.add(drand);
		if (this.lottery) {
			sources.add(new DrawPlan.Lottery("kl8", "中国福利彩票快乐8：承诺日期（北京时间）之后的第一期开奖号码", LocalDate.ofInstant(at, CHINA),
					20, 80));
		}
		// 见证: every commitment submitted by now, in name order; a witness never stands alone (drand is always first)
		this.store.witnesses(draw.id()).forEach(w -> sources.add(new DrawPlan.Witness(w.name(), w.commitment())));
		String label = (task.getCode() + " " + task.getName());
		DrawPlan plan = new DrawPlan(label.length() > 200 ? label.substring(0, 200) : label, this.codeRelease, at, inputs,
				new DrawPlan.Strata(DrawStore.ATTRIBUTES, DrawStore.ATTRIBUTES.get(0)), sampling(entry, draw.id()),
				assignment(entry), sources);
		byte[] json = plan.canonicalBytes();
		String hash = Sha256.hex(plan.hash());
		Instant due = DrandQuicknet.timeOf(drand.round());
		this.store.commit(draw.id(), json, hash, at, by, drand.round(), due);
		task.commit(at);
		this.audit.success("draw.commit", "draw", task.getId(), task.getCode() + " draw " + draw.id() + " committed: plan "
				+ hash + ", drand round " + drand.round() + " due " + due);
		return hash;
	}

	/**
	 * The entry's sampling as draw-v1 rules keyed by credit class. A rate under CEILING is "不低于" per stratum
	 * (credit class × region); a fixed count, and every class under LARGEST_REMAINDER, is the class's total
	 * (SamplingPolicy's planned count) shared over its regions by Hamilton (§9).
	 */
	private SortedMap<String, DrawPlan.SamplingRule> sampling(PlanEntry entry, long drawId) {
		Map<CreditBand, Long> eligible = new EnumMap<>(CreditBand.class);
		this.store.strataCounts(drawId).forEach((key, n) -> eligible.merge(CreditBand.valueOf(key.split("/")[0]), n, Long::sum));
		Map<CreditBand, Long> planned = SamplingPolicy.plannedCounts(eligible, entry.samplingRules(), entry.getRounding(),
				entry.getSampleTotal());
		SortedMap<String, DrawPlan.SamplingRule> rules = new TreeMap<>();
		for (ClassSampling s : entry.getSampling()) {
			if (s.getRateBasisPoints() != null && entry.getRounding() == RoundingRule.CEILING) {
				rules.put(s.getBand().name(), DrawPlan.SamplingRule.rate(s.getRateBasisPoints(), DrawPlan.Rounding.CEIL, RESERVES));
			}
			else {
				rules.put(s.getBand().name(),
						DrawPlan.SamplingRule.total((int) Math.min(Integer.MAX_VALUE, planned.getOrDefault(s.getBand(), 0L)), RESERVES));
			}
		}
		return rules;
	}

	private DrawPlan.Assignment assignment(PlanEntry entry) {
		List<DrawPlan.DepartmentNeed> needs = new ArrayList<>();
		String lead = null;
		for (EntryDepartment d : entry.getDepartments()) {
			String code = this.departments.findById(d.getDepartmentId()).orElseThrow().getCode();
			List<String> items = entry.itemsOf(d.getDepartmentId()).stream().map(EntryItem::getItemCode)
				.collect(Collectors.toCollection(TreeSet::new)).stream().toList();
			needs.add(new DrawPlan.DepartmentNeed(code, d.getOfficersPerTarget(), 0, items));
			if (d.getDepartmentId().equals(entry.getLeadDepartmentId())) {
				lead = code;
			}
		}
		needs.sort((a, b) -> a.code().compareTo(b.code()));
		return new DrawPlan.Assignment(needs, lead, 2, 1, 3);
	}

	/**
	 * The drand value of the named round, typed in or fetched: refused before the round is due (the value
	 * cannot exist yet), for another round, or when the randomness is not SHA-256 of the signature.
	 */
	@Transactional
	public void enterDrand(long taskId, long round, String randomness, String signature) {
		Actor me = this.actor.get();
		Task task = runnable(me, taskId, "draw.source");
		enterDrand(task, round, randomness, signature, me.username());
	}

	private void enterDrand(Task task, long round, String randomness, String signature, String by) {
		DrawStore.Stored draw = committedUndrawn(task);
		List<DrawPlan.Source> declared = draw.plan().sources();
		int position = -1;
		for (int i = 0; i < declared.size(); i++) {
			if (declared.get(i) instanceof DrawPlan.Drand d) {
				if (d.round() != round) {
					throw new DomainException("draw.refused.drandRound", "round", d.round(), round);
				}
				position = i;
			}
		}
		if (position < 0) {
			throw new DomainException("draw.refused.noSuchSource", null, "drand");
		}
		Instant due = DrandQuicknet.timeOf(round);
		if (now().isBefore(due)) {
			throw new DomainException("draw.refused.notDue", "round", String.valueOf(round),
					java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(due.atZone(CHINA)));
		}
		SourceValue.DrandValue value;
		try {
			value = new SourceValue.DrandValue(round, clean(randomness), clean(signature));
		}
		catch (DrawInputException ex) {
			throw new DomainException("draw.refused.drandValue", "randomness", ex.getMessage());
		}
		storeSource(task, draw, position, value, null, by);
	}

	/** Tasks whose drand round is due and not yet entered: what the fetcher asks the relays for. */
	public List<Long> awaitingDrand() {
		this.actor.get().requireSystem("draw.fetch");
		return this.store.awaitingDrand(now());
	}

	/**
	 * 自动获取: the system fetches the named round from a drand relay once it is due. Nothing is stored when the
	 * relay has no valid answer (the draw waits; the next attempt asks again). Returns whether the value is now in.
	 */
	@Transactional
	public boolean fetchDrand(long taskId, DrandRelay relay) {
		this.actor.get().requireSystem("draw.fetch");
		Task task = this.tasks.findById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
		DrawStore.Stored draw = committedUndrawn(task);
		if (draw.drandRound() == null || now().isBefore(DrandQuicknet.timeOf(draw.drandRound()))) {
			return false;
		}
		if (this.store.sources(draw.id()).stream().anyMatch(s -> "drand".equals(s.kind()))) {
			return true;
		}
		Optional<SourceValue.DrandValue> value = relay.fetch(draw.drandRound()).filter(v -> v.round() == draw.drandRound());
		if (value.isEmpty()) {
			return false;
		}
		enterDrand(task, draw.drandRound(), value.get().randomness(), value.get().signature(), Actor.SYSTEM);
		return true;
	}

	/**
	 * The lottery draw named by rule: its issue, date and numbers as announced, with the address of the official
	 * announcement (an https page on one of {@code inspection.draw.lottery-announcement-hosts}) so anyone can compare.
	 */
	@Transactional
	public void enterLottery(long taskId, String issue, LocalDate date, List<Integer> numbers, String announcement) {
		Actor me = this.actor.get();
		Task task = runnable(me, taskId, "draw.source");
		DrawStore.Stored draw = committedUndrawn(task);
		String url = announcement(announcement);
		List<DrawPlan.Source> declared = draw.plan().sources();
		for (int i = 0; i < declared.size(); i++) {
			if (declared.get(i) instanceof DrawPlan.Lottery l) {
				if (issue == null || !Tokens.isToken(issue.strip())) {
					throw new DomainException("draw.refused.lotteryIssue", "issue");
				}
				if (date == null || !date.isAfter(l.after()) || date.isAfter(LocalDate.ofInstant(now(), CHINA))) {
					throw new DomainException("draw.refused.lotteryDate", "date", l.after());
				}
				if (numbers == null || numbers.size() != l.count() || new TreeSet<>(numbers).size() != numbers.size()) {
					throw new DomainException("draw.refused.lotteryCount", "numbers", l.count(), l.max());
				}
				SourceValue.LotteryValue value;
				try {
					value = new SourceValue.LotteryValue(issue.strip(), date, numbers);
					value.contribution(l);
				}
				catch (DrawInputException ex) {
					throw new DomainException("draw.refused.lotteryCount", "numbers", l.count(), l.max());
				}
				storeSource(task, draw, i, value, url, me.username());
				return;
			}
		}
		throw new DomainException("draw.refused.noSuchSource", null, "lottery");
	}

	/** The announcement's address: https, on an official host (or a subdomain of one), at most 500 characters. */
	String announcement(String address) {
		String url = (address == null) ? "" : address.strip();
		java.net.URI uri;
		try {
			uri = new java.net.URI(url);
		}
		catch (java.net.URISyntaxException ex) {
			throw new DomainException("draw.refused.announcement", "announcement", String.join("、", new TreeSet<>(this.announcementHosts)));
		}
		String host = (uri.getHost() == null) ? "" : uri.getHost().toLowerCase();
		boolean official = this.announcementHosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
		if (url.length() > 500 || !"https".equalsIgnoreCase(uri.getScheme()) || !official || uri.getUserInfo() != null) {
			throw new DomainException("draw.refused.announcement", "announcement", String.join("、", new TreeSet<>(this.announcementHosts)));
		}
		return url;
	}

	/**
	 * 见证承诺: a participating department's officer or manager submits SHA-256("draw-v1:witness:" ‖ reveal) before the
	 * plan is committed (it may be replaced until then). At the commitment it becomes a witness source of the plan.
	 */
	@Transactional
	public void commitWitness(long taskId, String commitment) {
		Actor me = this.actor.get();
		me.require("draw.witness", Role.OFFICER, Role.DEPT_MANAGER);
		Task task = readable(me, taskId);
		String name = witnessName(me, task).orElseThrow(() -> new NotPermittedException("draw.witness"));
		DrawStore.Stored draw = this.store.live(taskId).orElseThrow(() -> new DomainException("draw.refused.noPrecheck"));
		if (draw.isCommitted()) {
			throw new DomainException("draw.refused.witnessLate", "commitment");
		}
		String hex = clean(commitment);
		if (!hex.matches("[0-9a-f]{64}")) {
			throw new DomainException("draw.refused.witnessCommitment", "commitment");
		}
		Instant at = now();
		this.store.putWitness(draw.id(), new DrawStore.StoredWitness(name, hex, me.username(), at));
		this.audit.success("draw.witness.commit", "draw", taskId, task.getCode() + " draw " + draw.id() + " witness " + name
				+ " committed " + hex);
	}

	/**
	 * 见证揭示: the department's value, accepted only if it matches its commitment and only before the drand round is
	 * published, so a witness can at most withhold (and force a void) before any randomness is known.
	 */
	@Transactional
	public void revealWitness(long taskId, String reveal) {
		Actor me = this.actor.get();
		me.require("draw.witness", Role.OFFICER, Role.DEPT_MANAGER);
		Task task = readable(me, taskId);
		String name = witnessName(me, task).orElseThrow(() -> new NotPermittedException("draw.witness"));
		DrawStore.Stored draw = committedUndrawn(task);
		List<DrawPlan.Source> declared = draw.plan().sources();
		for (int i = 0; i < declared.size(); i++) {
			if (declared.get(i) instanceof DrawPlan.Witness w && w.name().equals(name)) {
				if (draw.drandDueAt() != null && !now().isBefore(draw.drandDueAt())) {
					throw new DomainException("draw.refused.revealLate", "reveal", java.time.format.DateTimeFormatter
						.ofPattern("yyyy-MM-dd HH:mm:ss").format(draw.drandDueAt().atZone(CHINA)));
				}
				SourceValue.WitnessReveal value;
				try {
					value = new SourceValue.WitnessReveal(name, (reveal == null) ? "" : reveal.strip());
				}
				catch (DrawInputException ex) {
					throw new DomainException("draw.refused.revealForm", "reveal");
				}
				try {
					value.contribution(w);
				}
				catch (DrawInputException ex) {
					throw new DomainException("draw.refused.revealMismatch", "reveal");
				}
				storeSource(task, draw, i, value, null, me.username());
				return;
			}
		}
		throw new DomainException("draw.refused.noWitness", "reveal", name);
	}

	/** The witness name the actor may act for: the code of their department when it takes part in the task's entry. */
	private Optional<String> witnessName(Actor me, Task task) {
		if (!me.hasAny(Role.OFFICER, Role.DEPT_MANAGER) || me.departmentId() == null) {
			return Optional.empty();
		}
		PlanEntry entry = entry(task);
		boolean takesPart = entry.getDepartments().stream().anyMatch(d -> me.departmentId().equals(d.getDepartmentId()));
		return takesPart ? this.departments.findById(me.departmentId()).map(d -> d.getCode()) : Optional.empty();
	}

	private void storeSource(Task task, DrawStore.Stored draw, int position, SourceValue value, String reference, String by) {
		String json = new String(CanonicalJson.bytes(value.toJson()), StandardCharsets.UTF_8);
		this.store.addSource(draw.id(), position, value.kind(), json, reference, by, now());
		this.audit.success("draw.source", "draw", task.getId(), task.getCode() + " draw " + draw.id() + " source "
				+ position + " " + json + ((reference != null) ? " announced at " + reference : ""));
	}

	private static String clean(String hex) {
		return (hex == null) ? "" : hex.strip().toLowerCase();
	}

	private DrawStore.Stored committedUndrawn(Task task) {
		DrawStore.Stored draw = this.store.live(task.getId()).filter(DrawStore.Stored::isCommitted)
			.orElseThrow(() -> new DomainException("draw.refused.notCommitted"));
		if (this.store.resultSummary(draw.id()).isPresent()) {
			throw new DomainException("draw.refused.alreadyDrawn");
		}
		return draw;
	}

	/**
	 * 抽取: seed → selection → matching, stored in one transaction under a row lock on the draw. A second
	 * press, or a concurrent one, returns the stored result; there is no path to draw again.
	 */
	@Transactional
	public DrawStore.ResultSummary draw(long taskId) {
		Actor me = this.actor.get();
		Task task = runnable(me, taskId, "draw.run");
		return draw(task, me.username());
	}

	private DrawStore.ResultSummary draw(Task task, String by) {
		DrawStore.Stored live = this.store.live(task.getId()).filter(DrawStore.Stored::isCommitted)
			.orElseThrow(() -> new DomainException("draw.refused.notCommitted"));
		DrawStore.Stored draw = this.store.lock(live.id()).orElseThrow();
		// the stored row's fields answer; result.json (tens of megabytes for a city) is not read back
		Optional<DrawStore.ResultSummary> done = this.store.resultSummary(draw.id());
		if (done.isPresent()) {
			return done.get();
		}
		DrawPlan plan = draw.plan();
		List<SourceValue> values = values(draw, plan);
		Instant at = now();
		Draw result = Draw.run(plan, this.store.candidates(draw.id()), this.store.strataCounts(draw.id()),
				this.store.roster(draw.id()), this.store.conflicts(draw.id()), this.store.history(draw.id()), values);
		this.store.storeResult(draw.id(), result.result(), by, at);
		Runnable fault = this.faultAfterStore;
		if (fault != null) {
			fault.run();
		}
		task.recordDraw(result.result().selection().selectedIds().size(), at);
		DrawStore.ResultSummary stored = this.store.resultSummary(draw.id()).orElseThrow();
		this.audit.success("draw.run", "draw", task.getId(), task.getCode() + " draw " + draw.id() + ": seed " + stored.seed()
				+ ", " + stored.selectedCount() + " selected, " + stored.status()
				+ (stored.infeasible() != null ? " " + stored.infeasible() : "") + ", digest " + stored.digest());
		return stored;
	}

	private List<SourceValue> values(DrawStore.Stored draw, DrawPlan plan) {
		List<DrawStore.StoredSource> stored = this.store.sources(draw.id());
		if (stored.size() != plan.sources().size()) {
			throw new DomainException("draw.refused.sourcesMissing", null, plan.sources().size() - stored.size());
		}
		String array = stored.stream().map(DrawStore.StoredSource::valueJson).collect(Collectors.joining(",", "[", "]"));
		return SourceValue.fromJson(CanonicalJson.parse(array.getBytes(StandardCharsets.UTF_8)));
	}

	/** The draw re-run from the stored inputs, with the recorded amendments applied again. */
	private Draw rerun(DrawStore.Stored draw) {
		DrawPlan plan = draw.plan();
		Draw result = Draw.run(plan, this.store.candidates(draw.id()), this.store.strataCounts(draw.id()),
				this.store.roster(draw.id()), this.store.conflicts(draw.id()), this.store.history(draw.id()), values(draw, plan));
		Amendment.requestsFromJson(CanonicalJson.parse(amendmentsBytes(draw.id()))).forEach(result::amend);
		return result;
	}

	private byte[] amendmentsBytes(long drawId) {
		return this.store.amendments(drawId).stream().map(DrawStore.StoredAmendment::amendmentJson)
			.collect(Collectors.joining(",", "[", "]")).getBytes(StandardCharsets.UTF_8);
	}

	/** 确认检查组: the teams of the result with this digest are reviewed; the task moves to ASSIGNED. An infeasible draw has no teams to confirm. */
	@Transactional
	public void confirmTeams(long taskId, String digest) {
		Actor me = this.actor.get();
		Task task = runnable(me, taskId, "draw.confirm");
		DrawStore.Stored draw = this.store.live(taskId).orElseThrow(() -> new DomainException("draw.refused.notDrawn"));
		DrawStore.ResultSummary result = this.store.resultSummary(draw.id())
			.orElseThrow(() -> new DomainException("draw.refused.notDrawn"));
		if (!"ASSIGNED".equals(result.status())) {
			throw new DomainException("draw.refused.infeasible");
		}
		// the officer confirms the result shown on the page, named by its digest
		if (!result.digest().equals(digest)) {
			throw new DomainException("draw.refused.digest");
		}
		if (task.getState() != TaskState.DRAWN) {
			throw new DomainException("draw.refused.state", null, task.getState());
		}
		task.assign(now());
		this.audit.success("draw.confirm", "draw", taskId, task.getCode() + " draw " + draw.id() + ": teams confirmed, "
				+ this.store.amendments(draw.id()).size() + " amendments");
	}

	/** 派发: the confirmed task goes to the departments. */
	@Transactional
	public void dispatch(long taskId) {
		Actor me = this.actor.get();
		Task task = runnable(me, taskId, "draw.dispatch");
		if (task.getState() != TaskState.ASSIGNED) {
			throw new DomainException("draw.refused.state", null, task.getState());
		}
		task.dispatch(now());
		this.audit.success("draw.dispatch", "draw", taskId, task.getCode() + " dispatched to its departments");
	}

	/** A selected target proved ineligible: the next reserve of its stratum takes its place (双人: an approver). */
	@Transactional
	public Amendment replaceTarget(long taskId, String target, String reason, SecondApprover.Approval approver) {
		Actor me = this.actor.get();
		Task task = runnable(me, taskId, "draw.amend");
		String approved = approver(task, me.username(), approver);
		return amend(task, me.username(), approved, at -> new Amendment.TargetIneligible(target, reason, approved, at));
	}

	/** An inspector became unavailable: replaced by the recorded rule (§12). */
	@Transactional
	public Amendment replaceInspector(long taskId, String target, String department, int slot, String absent, String reason,
			SecondApprover.Approval approver) {
		Actor me = this.actor.get();
		Task task = runnable(me, taskId, "draw.amend");
		String approved = approver(task, me.username(), approver);
		return amend(task, me.username(), approved,
				at -> new Amendment.InspectorUnavailable(target, department, slot, absent, reason, approved, at));
	}

	private Amendment amend(Task task, String by, String approver, java.util.function.Function<Instant, Amendment.Request> request) {
		DrawStore.Stored draw = this.store.live(task.getId()).orElseThrow(() -> new DomainException("draw.refused.notDrawn"));
		this.store.lock(draw.id());
		if (this.store.resultSummary(draw.id()).isEmpty()) {
			throw new DomainException("draw.refused.notDrawn");
		}
		Draw replayed = rerun(draw);
		Amendment amendment;
		try {
			amendment = replayed.amend(request.apply(now()));
		}
		catch (DrawInputException ex) {
			throw new DomainException("draw.refused.amendment", "target", ex.getMessage());
		}
		String type = (amendment instanceof Amendment.TargetReplaced) ? "target" : "inspector";
		String target = (amendment instanceof Amendment.TargetReplaced t) ? t.target() : ((Amendment.InspectorReplaced) amendment).target();
		String replacement = (amendment instanceof Amendment.TargetReplaced t) ? t.replacement()
				: ((Amendment.InspectorReplaced) amendment).replacement();
		int seq = this.store.amendments(draw.id()).size() + 1;
		this.store.addAmendment(draw.id(), new DrawStore.StoredAmendment(seq, type, target, replacement, amendment.reason(),
				new String(CanonicalJson.bytes(amendment.toJson()), StandardCharsets.UTF_8), by, approver, amendment.recordedAt()));
		this.audit.success("draw.amend", "draw", task.getId(), task.getCode() + " draw " + draw.id() + " amendment " + seq + ": "
				+ type + " " + target + " → " + replacement + " (" + amendment.reason() + ", approved by " + approver
				+ ", password confirmed)");
		return amendment;
	}

	/** 作废: a source gone for good or an infeasible matching; published with the reason and a second approver. */
	@Transactional
	public void voidDraw(long taskId, String reason, SecondApprover.Approval approval) {
		Actor me = this.actor.get();
		Task task = runnable(me, taskId, "draw.void");
		String approver = approver(task, me.username(), approval);
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new DomainException("draw.refused.voidReason", "reason");
		}
		DrawStore.Stored draw = this.store.live(task.getId()).filter(DrawStore.Stored::isCommitted)
			.orElseThrow(() -> new DomainException("draw.refused.notCommitted"));
		// a void is for a source gone for good (before any randomness is known) or a matching without a
		// solution; voiding a result someone dislikes and committing again would be a re-roll (重抽)
		if (this.store.resultSummary(draw.id()).filter(result -> !"INFEASIBLE".equals(result.status())).isPresent()) {
			throw new DomainException("draw.refused.voidAfterResult");
		}
		this.store.voidDraw(draw.id(), reason.strip(), me.username(), approver, now());
		// the task starts again from the pre-check: new frozen inputs, a new commitment, new future sources
		task.reopenAfterVoid(now());
		this.audit.success("draw.void", "draw", task.getId(), task.getCode() + " draw " + draw.id() + " voided: " + reason.strip()
				+ " (approved by " + approver + ", password confirmed)");
	}

	/**
	 * 双人复核: the named approver is a real second person with the authority ({@link SecondApprover}), present:
	 * they confirm with their own password, checked before anything is changed.
	 */
	private String approver(Task task, String by, SecondApprover.Approval approval) {
		String name = (approval == null) ? "" : approval.username();
		String approved = SecondApprover.check(by, name, name.isEmpty() ? Optional.empty()
				: this.accounts.findByUsername(name).map(a -> new SecondApprover.Account(a.getUsername(), a.isEnabled(),
						a.getRoles(), a.getDepartmentId())), task.getLeadDepartmentId());
		return switch (this.confirmation.confirm(approved, approval.password(), this.actor.get().clientAddress())) {
			case CONFIRMED -> approved;
			case LOCKED -> throw new DomainException("draw.refused.approverLocked", "approverPassword", approved);
			case REFUSED -> throw new DomainException("draw.refused.approverPassword", "approverPassword", approved);
		};
	}

	// ---- public ----

	public record PublicDraw(DrawStore.Stored draw, Task task, DrawPlan plan, List<DrawStore.StoredSource> sources,
			Optional<DrawStore.StoredResult> result, List<Map<String, Object>> strata, List<DrawStore.StoredAmendment> amendments,
			Map<String, DrawStore.Name> targets, Map<String, DrawStore.Name> inspectors) {
	}

	public List<DrawStore.Stored> publicDraws() {
		return this.store.committed(200);
	}

	/** 抽取结果公示, filtered and paged in the database: a draw matches as its task does. */
	public org.springframework.data.domain.Page<DrawStore.Stored> publicDraws(
			org.doublerandom.inspection.shared.PublicListFilter filter, int page, int size) {
		return this.store.committed(filter, org.springframework.data.domain.PageRequest.of(Math.max(page, 0), size));
	}

	public Optional<Task> taskOf(DrawStore.Stored draw) {
		return this.tasks.findById(draw.taskId());
	}

	/** A committed draw as the public sees it (its task is public from creation). */
	@SuppressWarnings("unchecked")
	public PublicDraw publicDraw(long drawId) {
		DrawStore.Stored draw = this.store.find(drawId).filter(DrawStore.Stored::isCommitted)
			.orElseThrow(() -> new NotFoundException("draw", drawId));
		Task task = this.tasks.findById(draw.taskId()).orElseThrow(() -> new NotFoundException("task", draw.taskId()));
		Optional<DrawStore.StoredResult> result = this.store.result(drawId);
		List<Map<String, Object>> strata = new ArrayList<>();
		Set<String> ids = new TreeSet<>();
		if (result.isPresent()) {
			Map<String, Object> json = (Map<String, Object>) CanonicalJson.parse(result.get().resultJson());
			for (Object s : (List<Object>) json.get("strata")) {
				Map<String, Object> stratum = (Map<String, Object>) s;
				strata.add(stratum);
				for (String list : List.of("selected", "reserves")) {
					((List<Object>) stratum.get(list)).forEach(r -> ids.add((String) ((Map<String, Object>) r).get("id")));
				}
			}
		}
		List<DrawStore.StoredAmendment> amendments = this.store.amendments(drawId);
		amendments.forEach(a -> ids.add(a.replacement()));
		return new PublicDraw(draw, task, draw.plan(), this.store.sources(drawId), result, strata, amendments,
				this.store.targetNames(drawId, ids), this.store.inspectorNames(drawId));
	}

	/** The team slots in slot order, from the stored result (or empty). */
	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> slots(DrawStore.StoredResult result) {
		Map<String, Object> json = (Map<String, Object>) CanonicalJson.parse(result.resultJson());
		Map<String, Object> assignment = (Map<String, Object>) json.get("assignment");
		return "assigned".equals(assignment.get("status")) ? (List<Map<String, Object>>) assignment.get("slots") : List.of();
	}

	/** Each selected target's team, departments in code order and slots in order. */
	public static Map<String, List<Map<String, Object>>> teams(DrawStore.StoredResult result) {
		Map<String, List<Map<String, Object>>> teams = new TreeMap<>();
		for (Map<String, Object> slot : slots(result)) {
			teams.computeIfAbsent((String) slot.get("target"), t -> new ArrayList<>()).add(slot);
		}
		teams.values().forEach(team -> team.sort((a, b) -> {
			int byDepartment = ((String) a.get("department")).compareTo((String) b.get("department"));
			return (byDepartment != 0) ? byDepartment : Long.compare((Long) a.get("slot"), (Long) b.get("slot"));
		}));
		return teams;
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> assignment(DrawStore.StoredResult result) {
		return (Map<String, Object>) ((Map<String, Object>) CanonicalJson.parse(result.resultJson())).get("assignment");
	}

	/**
	 * 证据包 as a ZIP (docs/draw-algorithm.md §13). {@code full}: the four canonical inputs; otherwise the
	 * public variant of §14 (pool-summary.json with per-stratum counts and the Merkle root, no conflicts.csv).
	 */
	public void writeEvidence(long drawId, boolean full, OutputStream out) {
		DrawStore.Stored draw = this.store.find(drawId).filter(DrawStore.Stored::isCommitted)
			.orElseThrow(() -> new NotFoundException("draw", drawId));
		DrawStore.StoredResult result = this.store.result(drawId).orElseThrow(() -> new NotFoundException("draw", drawId));
		String dir = "draw-" + drawId + "/";
		try {
			ZipOutputStream zip = new ZipOutputStream(out);
			entry(zip, dir + EvidencePackage.PLAN, draw.planJson());
			if (full) {
				zip.putNextEntry(new ZipEntry(dir + EvidencePackage.POOL));
				this.store.write(drawId, DrawStore.InputFile.POOL, zip);
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry(dir + EvidencePackage.CONFLICTS));
				this.store.write(drawId, DrawStore.InputFile.CONFLICTS, zip);
				zip.closeEntry();
			}
			else {
				entry(zip, dir + EvidencePackage.POOL_SUMMARY, EvidencePackage.poolSummary(draw.plan(), this.store.strataCounts(drawId)));
			}
			zip.putNextEntry(new ZipEntry(dir + EvidencePackage.ROSTER));
			this.store.write(drawId, DrawStore.InputFile.ROSTER, zip);
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(dir + EvidencePackage.HISTORY));
			this.store.write(drawId, DrawStore.InputFile.HISTORY, zip);
			zip.closeEntry();
			String sources = this.store.sources(drawId).stream().map(DrawStore.StoredSource::valueJson)
				.collect(Collectors.joining(",", "[", "]"));
			entry(zip, dir + EvidencePackage.SOURCES, sources.getBytes(StandardCharsets.UTF_8));
			entry(zip, dir + EvidencePackage.RESULT, result.resultJson());
			entry(zip, dir + EvidencePackage.AMENDMENTS, amendmentsBytes(drawId));
			zip.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}

	// ---- demo ----

	/**
	 * Demo data: the whole ceremony as the system, committed an hour ago, with a synthetic drand value marked
	 * as a demo value on the public page. Never for real draws: the system user cannot run {@link #draw(long)}.
	 */
	@Transactional
	public void provisionDemo(long taskId, boolean drawIt) {
		this.actor.get().requireSystem("draw.demo");
		Task task = this.tasks.findById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
		if (task.getState() != TaskState.CREATED) {
			return;
		}
		precheck(task, Actor.SYSTEM, true);
		freeze(task, Actor.SYSTEM);
		// with a lottery in the plan, its draw must lie on a later (Beijing) date that has already passed
		Instant at = drawIt ? now().minus(this.lottery ? 49 : 1, ChronoUnit.HOURS) : now();
		commit(task, Actor.SYSTEM, at);
		if (drawIt) {
			DrawStore.Stored draw = this.store.live(taskId).orElseThrow();
			byte[] signature = new byte[48];
			byte[] fill = Sha256.of(("demo-signature-" + draw.drandRound()).getBytes(StandardCharsets.US_ASCII));
			for (int i = 0; i < 48; i++) {
				signature[i] = fill[i % 32];
			}
			enterDrand(task, draw.drandRound(), Sha256.hex(Sha256.of(signature)), Sha256.hex(signature), Actor.SYSTEM);
			List<DrawPlan.Source> declared = draw.plan().sources();
			for (int i = 0; i < declared.size(); i++) {
				if (declared.get(i) instanceof DrawPlan.Lottery l) {
					// a synthetic draw, marked as a demo value like the drand one
					TreeSet<Integer> numbers = new TreeSet<>();
					for (int k = 0; numbers.size() < l.count(); k++) {
						numbers.add(1 + Math.floorMod(fill[k % 32] * 31 + k, l.max()));
					}
					storeSource(task, draw, i, new SourceValue.LotteryValue("DEMO", l.after().plusDays(1), List.copyOf(numbers)),
							null, Actor.SYSTEM);
				}
			}
			draw(task, Actor.SYSTEM);
		}
	}

	// ---- access ----

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private PlanEntry entry(Task task) {
		PlanEntry entry = this.plans.findEntryById(task.getPlanEntryId())
			.orElseThrow(() -> new NotFoundException("planEntry", task.getPlanEntryId()));
		entry.getItems().size();
		entry.getDepartments().size();
		entry.getSampling().size();
		return entry;
	}

	private Actor reader() {
		Actor me = this.actor.get();
		me.require("draw.read", Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		return me;
	}

	private Task readable(Actor me, long taskId) {
		Task task = (me.has(Role.BUREAU) ? this.tasks.findById(taskId) : this.tasks.findReadable(taskId, me.departmentId()))
			.orElseThrow(() -> new NotFoundException("task", taskId));
		task.getSubTasks().size();
		return task;
	}

	/** 牵头部门: the lead department's managers and officers run the draw; the bureau runs joint tasks. */
	static boolean mayRun(Actor me, Task task) {
		if (me.has(Role.BUREAU) && task.isJoint()) {
			return true;
		}
		return me.hasAny(Role.OFFICER, Role.DEPT_MANAGER) && task.getLeadDepartmentId().equals(me.departmentId());
	}

	private Task runnable(Actor me, long taskId, String operation) {
		me.require(operation, Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		Task task = readable(me, taskId);
		if (!mayRun(me, task)) {
			throw new NotPermittedException(operation);
		}
		return task;
	}

}
