package org.doublerandom.inspection.result;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.calendar.WorkingDays;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 结果录入、审核与公示: the worklist, the entry of a department's result for a drawn target, its review by the
 * department's manager and its publication within the deadline; attachments and follow-ups. Every load checks
 * the department (谁检查、谁录入、谁公示) and refuses another department's officer with
 * {@link NotPermittedException}.
 */
@Service
@Transactional(readOnly = true)
public class ResultService {

	/** A worklist line with its deadline: the publication deadline, counted from the task's end until a date is entered. */
	public record WorkItem(WorkRow row, LocalDate deadline, int workingDaysLeft, Urgency urgency) {
	}

	/** Whose lines the worklist shows. */
	public enum Scope {

		/** the targets whose team the officer is on */
		MINE,
		/** the department's */
		DEPARTMENT,
		/** every department's (the bureau) */
		ALL

	}

	private final InspectionResults results;

	private final Worklist worklist;

	private final ResultAttachments attachments;

	private final FollowUps followUps;

	private final PublishedResults published;

	private final Terms terms;

	private final WorkingDays workingDays;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	private final PublicationDeadline deadline;

	private final AttachmentPolicy attachmentPolicy;

	private final PublicNoticeListing noticeListing;

	public ResultService(InspectionResults results, Worklist worklist, ResultAttachments attachments, FollowUps followUps,
			PublishedResults published, Terms terms, WorkingDays workingDays, CurrentActor actor,
			AuditTrail audit, Clock clock, @Value("${inspection.results.deadline-working-days:20}") int deadlineDays,
			@Value("${inspection.results.deadline-counts-start-day:false}") boolean startDayCounts,
			@Value("${inspection.results.attachment-max-bytes:10485760}") long attachmentMaxBytes,
			PublicNoticeListing noticeListing) {
		this.noticeListing = noticeListing;
		this.results = results;
		this.worklist = worklist;
		this.attachments = attachments;
		this.followUps = followUps;
		this.published = published;
		this.terms = terms;
		this.workingDays = workingDays;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
		this.deadline = new PublicationDeadline(deadlineDays, startDayCounts);
		this.attachmentPolicy = new AttachmentPolicy(attachmentMaxBytes);
	}

	public PublicationDeadline deadlinePolicy() {
		return this.deadline;
	}

	public long attachmentMaxBytes() {
		return this.attachmentPolicy.maxBytes();
	}

	public LocalDate today() {
		return this.workingDays.today();
	}

	// ---- worklist ----

	/** The default scope of the actor: officers their own targets, managers their department, the bureau all. */
	public Scope defaultScope() {
		Actor me = business("result.worklist");
		if (me.has(Role.BUREAU)) {
			return Scope.ALL;
		}
		// an officer whose account is not linked to the inspector registry has no team to be on
		return (me.has(Role.DEPT_MANAGER) || !this.worklist.onRoster(me.username())) ? Scope.DEPARTMENT : Scope.MINE;
	}

	public List<WorkItem> worklist(Scope scope) {
		Actor me = business("result.worklist");
		List<WorkRow> rows = switch (scope) {
			case ALL -> {
				me.require("result.worklist.all", Role.BUREAU);
				yield this.worklist.rows(null, null);
			}
			case DEPARTMENT -> this.worklist.rows(me.departmentId(), null);
			case MINE -> this.worklist.rows(me.departmentId(), me.username());
		};
		return items(rows);
	}

	/** 逾期未公示: every line past its publication deadline, for the bureau (escalation) or a department's manager. */
	public List<WorkItem> overdue() {
		Actor me = this.actor.get();
		me.require("result.overdue", Role.BUREAU, Role.DEPT_MANAGER);
		List<WorkRow> rows = me.has(Role.BUREAU) ? this.worklist.rows(null, null) : this.worklist.rows(me.departmentId(), null);
		return items(rows).stream().filter(i -> i.urgency() == Urgency.OVERDUE).toList();
	}

	private List<WorkItem> items(List<WorkRow> rows) {
		LocalDate today = today();
		List<WorkItem> items = new ArrayList<>();
		for (WorkRow row : rows) {
			LocalDate due = (row.deadline() != null) ? row.deadline() : this.deadline.from(row.scheduleTo(), this.workingDays);
			boolean past = today.isAfter(due);
			int left = past ? -this.workingDays.between(due, today) : this.workingDays.between(today, due);
			items.add(new WorkItem(row, due, left, Urgency.of(row.stateOrNew(), left, past)));
		}
		return items;
	}

	/** Years a deadline of these lines needs that the calendar lacks (the page warns). */
	public Set<Integer> missingCalendarYears(List<WorkItem> items) {
		LocalDate today = today();
		Set<Integer> years = new java.util.TreeSet<>(this.workingDays.missingYears());
		items.stream()
			.filter(i -> i.urgency() != Urgency.DONE)
			.flatMap(i -> java.util.stream.Stream.of(i.row().scheduleTo().getYear(), i.deadline().getYear()))
			.filter(y -> y >= today.getYear() - 1)
			.distinct()
			.filter(y -> !this.workingDays.covers(y))
			.forEach(years::add);
		return years;
	}

	/** The deadline an inspection on this day would have, and the calendar years it needs but lacks. */
	public List<Integer> missingYearsFor(LocalDate inspectionDate) {
		return this.deadline.missingYears(inspectionDate, this.workingDays);
	}

	// ---- one result ----

	/** The line to record for; the department's own only. */
	public WorkRow assignment(long taskId, long targetId, long departmentId) {
		Actor me = business("result.read");
		WorkRow row = this.worklist.row(taskId, targetId, departmentId)
			.orElseThrow(() -> new NotFoundException("result", taskId + "/" + targetId + "/" + departmentId));
		if (!ResultAccess.mayRead(me, departmentId)) {
			throw new NotPermittedException("result.read");
		}
		return row;
	}

	public Optional<InspectionResult> existing(long taskId, long targetId, long departmentId) {
		assignment(taskId, targetId, departmentId);
		return this.results.findByTaskIdAndTargetIdAndDepartmentId(taskId, targetId, departmentId);
	}

	public InspectionResult result(long id) {
		Actor me = business("result.read");
		InspectionResult result = this.results.findById(id).orElseThrow(() -> new NotFoundException("result", id));
		if (!ResultAccess.mayRead(me, result.getDepartmentId())) {
			throw new NotPermittedException("result.read");
		}
		return loaded(result);
	}

	/** The pages read the collections after the transaction. */
	private static InspectionResult loaded(InspectionResult result) {
		result.getItems();
		result.getMethods();
		result.getMeasures();
		result.getSteps();
		return result;
	}

	public WorkRow rowOf(InspectionResult result) {
		return this.worklist.row(result.getTaskId(), result.getTargetId(), result.getDepartmentId())
			.orElseThrow(() -> new NotFoundException("result", result.getId()));
	}

	/** 录入: the first save creates the result (未录入); later saves correct it while the inspector holds it. */
	@Transactional
	public InspectionResult record(long taskId, long targetId, long departmentId, ResultEntry entry) {
		Actor me = business("result.record");
		if (!ResultAccess.mayRecord(me, departmentId)) {
			throw new NotPermittedException("result.record");
		}
		WorkRow row = this.worklist.row(taskId, targetId, departmentId)
			.orElseThrow(() -> new NotFoundException("result", taskId + "/" + targetId + "/" + departmentId));
		InspectionResult result = this.results.findByTaskIdAndTargetIdAndDepartmentId(taskId, targetId, departmentId)
			.orElseGet(() -> new InspectionResult(taskId, row.drawId(), targetId, departmentId, row.team(), row.itemMap(),
					me.username(), now()));
		return save(me, result, row, entry);
	}

	@Transactional
	public InspectionResult correct(long id, ResultEntry entry) {
		Actor me = business("result.record");
		InspectionResult result = writable(me, id);
		return save(me, result, rowOf(result), entry);
	}

	private InspectionResult save(Actor me, InspectionResult result, WorkRow row, ResultEntry entry) {
		checkVocabulary(entry);
		LocalDate today = today();
		if (entry.inspectionDate().isAfter(today)) {
			throw new DomainException("result.inspectionDate.future", "inspectionDate");
		}
		if (entry.inspectionDate().isBefore(row.scheduleFrom())) {
			throw new DomainException("result.inspectionDate.beforeTask", "inspectionDate", row.scheduleFrom());
		}
		LocalDate due = this.deadline.from(entry.inspectionDate(), this.workingDays);
		result.record(entry, due, me.username(), now());
		boolean created = result.getId() == null;
		InspectionResult saved = this.results.save(result);
		this.results.flush();
		this.audit.success(created ? "result.create" : "result.record", "inspectionResult", saved.getId(),
				row.taskCode() + " " + row.targetCode() + " dept " + row.departmentId() + ": " + entry.categoryCode()
						+ " on " + entry.inspectionDate() + ", deadline " + due + ", items checked "
						+ entry.items().stream().filter(ResultEntry.ItemLine::checked).map(ResultEntry.ItemLine::itemCode).toList());
		return saved;
	}

	private void checkVocabulary(ResultEntry entry) {
		Set<String> categories = activeCodes(Terms.RESULT_CATEGORY);
		if (!categories.contains(entry.categoryCode())) {
			throw new DomainException("result.category.unknown", "categoryCode", entry.categoryCode());
		}
		Set<String> measures = activeCodes(Terms.FOLLOW_UP_MEASURE);
		for (String code : entry.measureCodes()) {
			if (!measures.contains(code)) {
				throw new DomainException("result.measure.unknown", "measureCodes", code);
			}
		}
	}

	private Set<String> activeCodes(String dictionary) {
		return this.terms.terms(dictionary).stream().filter(Terms.Term::active).map(Terms.Term::code)
			.collect(Collectors.toSet());
	}

	/** 检查结果 categories, retired ones too (their labels are still shown). */
	public List<Terms.Term> categories() {
		return this.terms.terms(Terms.RESULT_CATEGORY);
	}

	/** 后续处置措施, retired ones too. */
	public List<Terms.Term> measures() {
		return this.terms.terms(Terms.FOLLOW_UP_MEASURE);
	}

	@Transactional
	public void submit(long id, String lateReason) {
		Actor me = business("result.submit");
		InspectionResult result = writable(me, id);
		result.submit(today(), lateReason, me.username(), now());
		this.audit.success("result.submit", "inspectionResult", id, "submitted for review"
				+ ((result.getLateReason() != null) ? ", late (补录): " + result.getLateReason() : ""));
	}

	@Transactional
	public void sendBack(long id, String opinion) {
		Actor me = business("result.review");
		InspectionResult result = reviewable(me, id);
		result.sendBack(opinion, me.username(), now());
		this.audit.success("result.return", "inspectionResult", id, "returned: " + result.getReviewOpinion());
	}

	@Transactional
	public void reject(long id, String opinion) {
		Actor me = business("result.review");
		InspectionResult result = reviewable(me, id);
		result.reject(opinion, me.username(), now());
		this.audit.success("result.reject", "inspectionResult", id, "not passed: " + result.getReviewOpinion());
	}

	/** 审核通过并公示; the target's last inspection per checked item is updated for the next pre-check. */
	@Transactional
	public void publish(long id, String opinion) {
		Actor me = business("result.review");
		InspectionResult result = reviewable(me, id);
		result.publish(opinion, me.username(), now());
		List<String> checked = result.getItems().stream().filter(ResultItem::isChecked).map(ResultItem::getItemCode).toList();
		this.published.recordLastInspection(result.getTargetId(), result.getDepartmentId(), checked,
				result.getInspectionDate());
		this.audit.success("result.publish", "inspectionResult", id, "published; target " + result.getTargetId()
				+ " last inspected " + result.getInspectionDate() + " for " + checked);
	}

	private InspectionResult writable(Actor me, long id) {
		InspectionResult result = this.results.findById(id).orElseThrow(() -> new NotFoundException("result", id));
		if (!ResultAccess.mayRecord(me, result.getDepartmentId())) {
			throw new NotPermittedException("result.record");
		}
		return result;
	}

	private InspectionResult reviewable(Actor me, long id) {
		InspectionResult result = this.results.findById(id).orElseThrow(() -> new NotFoundException("result", id));
		if (!ResultAccess.mayReview(me, result.getDepartmentId(), result.submittedBy())) {
			throw new NotPermittedException("result.review");
		}
		return result;
	}

	// ---- attachments ----

	public List<Attachment> attachments(long resultId) {
		result(resultId);
		return this.attachments.forResult(resultId);
	}

	@Transactional
	public Attachment attach(long resultId, String fileName, byte[] content) {
		Actor me = business("result.attach");
		InspectionResult result = writable(me, resultId);
		if (!result.getState().editable()) {
			throw new DomainException("result.refused.edit", "file", result.getState());
		}
		String type = this.attachmentPolicy.check(fileName, content);
		String sha256 = sha256(content);
		String name = fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
		long id = this.attachments.add(resultId, name, type, content, sha256, me.username(), now());
		this.audit.success("result.attach", "inspectionResult", resultId,
				"attachment " + id + " " + name + " " + type + " " + content.length + " bytes sha256 " + sha256);
		return this.attachments.find(id).orElseThrow();
	}

	@Transactional
	public void detach(long attachmentId) {
		Actor me = business("result.attach");
		Attachment attachment = this.attachments.find(attachmentId)
			.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
		InspectionResult result = writable(me, attachment.resultId());
		if (!result.getState().editable()) {
			throw new DomainException("result.refused.edit", "file", result.getState());
		}
		this.attachments.delete(attachmentId);
		this.audit.success("result.detach", "inspectionResult", result.getId(),
				"attachment " + attachmentId + " " + attachment.fileName() + " sha256 " + attachment.sha256() + " removed");
	}

	public record Download(Attachment attachment, byte[] content) {
	}

	public Download download(long attachmentId) {
		Attachment attachment = this.attachments.find(attachmentId)
			.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
		result(attachment.resultId());
		return new Download(attachment, this.attachments.content(attachmentId).orElseThrow());
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---- follow-up ----

	public List<FollowUp> followUps(long resultId) {
		result(resultId);
		return this.followUps.findByResultIdOrderByIdAsc(resultId);
	}

	/** 抄告/移送 to the actor's department, visible there whichever department sent them. */
	public List<FollowUp> received() {
		Actor me = business("result.followUp.read");
		return this.followUps.findByReceivingDepartmentIdOrderByIdDesc(me.departmentId());
	}

	/** A result the actor's department received a follow-up of may be read there, for that follow-up's sake. */
	public InspectionResult receivedResult(long followUpId) {
		Actor me = business("result.followUp.read");
		FollowUp followUp = this.followUps.findById(followUpId).orElseThrow(() -> new NotFoundException("followUp", followUpId));
		InspectionResult result = this.results.findById(followUp.getResultId()).orElseThrow();
		if (!ResultAccess.mayRead(me, result.getDepartmentId())
				&& (me.departmentId() == null || !me.departmentId().equals(followUp.getReceivingDepartmentId()))) {
			throw new NotPermittedException("result.followUp.read");
		}
		return result;
	}

	@Transactional
	public FollowUp openFollowUp(long resultId, FollowUpKind kind, String description, Long receivingDepartmentId,
			String receivingBody) {
		Actor me = business("result.followUp");
		InspectionResult result = writable(me, resultId);
		if (kind == null) {
			throw new DomainException("followUp.kind.required", "kind");
		}
		if (kind == FollowUpKind.TRANSFER && result.getDepartmentId().equals(receivingDepartmentId)) {
			throw new DomainException("followUp.receiver.self", "receivingDepartmentId");
		}
		FollowUp followUp = this.followUps.save(new FollowUp(resultId, kind, description, receivingDepartmentId,
				receivingBody, me.username(), now()));
		this.audit.success("result.followUp.open", "inspectionResult", resultId, kind + " follow-up " + followUp.getId()
				+ ((receivingDepartmentId != null) ? " to department " + receivingDepartmentId : "")
				+ ((followUp.getReceivingBody() != null) ? " to " + followUp.getReceivingBody() : "") + ": "
				+ followUp.getDescription());
		return followUp;
	}

	@Transactional
	public void closeFollowUp(long followUpId, LocalDate closedOn, String note) {
		Actor me = business("result.followUp");
		FollowUp followUp = this.followUps.findById(followUpId).orElseThrow(() -> new NotFoundException("followUp", followUpId));
		writable(me, followUp.getResultId());
		LocalDate openedOn = LocalDate.ofInstant(followUp.getOpenedAt(), this.clock.getZone());
		followUp.close(closedOn, note, today(), openedOn, me.username());
		this.audit.success("result.followUp.close", "inspectionResult", followUp.getResultId(),
				"follow-up " + followUpId + " closed on " + closedOn + ": " + followUp.getClosingNote());
	}

	// ---- public ----

	/** 结果公示 of one target, for its public entity page (anyone; only published results, nothing personal). */
	public List<PublishedResults.TargetResult> publishedForTarget(long targetId) {
		return this.published.forTarget(targetId);
	}

	public List<PublishedResults.Notice> notices() {
		return this.published.notices(200);
	}

	/** 抽查结果公示 list, filtered and paged in the database (the filter's meaning is on {@link PublicNoticeListing}). */
	public org.springframework.data.domain.Page<PublishedResults.Notice> notices(
			org.doublerandom.inspection.shared.PublicListFilter filter, int page, int size) {
		return this.noticeListing.find(filter, org.springframework.data.domain.PageRequest.of(Math.max(page, 0), size));
	}

	public PublishedResults.Notice notice(long taskId, long departmentId) {
		return this.published.notice(taskId, departmentId)
			.orElseThrow(() -> new NotFoundException("resultNotice", taskId + "/" + departmentId));
	}

	public List<PublishedResults.Notice> noticesOfTask(long taskId) {
		List<PublishedResults.Notice> notices = this.published.noticesOfTask(taskId);
		if (notices.isEmpty()) {
			throw new NotFoundException("resultNotice", taskId);
		}
		return notices;
	}

	public List<PublishedResults.Row> noticeRows(long taskId, long departmentId) {
		return this.published.rows(taskId, departmentId);
	}

	/** Rows on a page of a result notice. */
	public static final int NOTICE_PAGE_SIZE = 50;

	/** A page of one notice's rows in the order of 序号; a page past the end shows the last one. */
	public Page<PublishedResults.Row> noticePage(PublishedResults.Notice notice, int page) {
		int last = (int) Math.max(0, (notice.count() - 1) / NOTICE_PAGE_SIZE);
		int current = Math.min(Math.max(page, 0), last);
		return new PageImpl<>(
				this.published.rows(notice.taskId(), notice.departmentId(), current * NOTICE_PAGE_SIZE, NOTICE_PAGE_SIZE),
				PageRequest.of(current, NOTICE_PAGE_SIZE), notice.count());
	}

	/** A published result's row in its notice, with its 序号, read alone (not from the whole notice). */
	public PublishedResults.Row publishedRow(long id) {
		return this.published.row(id).orElseThrow(() -> new NotFoundException("result", id));
	}

	/**
	 * A published result as its public detail shows it (its notice's keys, its result, its item lines), read in
	 * two queries instead of loading the result with its four collections; anything not published is "not found".
	 */
	public PublishedResults.Detail publishedDetail(long id) {
		return this.published.detail(id).orElseThrow(() -> new NotFoundException("result", id));
	}

	/** A published result with its collections (demo data); anything not published is "not found". */
	public InspectionResult publishedResult(long id) {
		return this.results.findById(id)
			.filter(r -> r.getState() == ResultState.PUBLISHED)
			.map(ResultService::loaded)
			.orElseThrow(() -> new NotFoundException("result", id));
	}

	// ---- demo ----

	/** Demo data: the worklist of one task, as the system. */
	public List<WorkRow> provisionDemoRows(long taskId) {
		this.actor.get().requireSystem("result.demo");
		return this.worklist.rows(null, null).stream().filter(r -> r.taskId() == taskId).toList();
	}

	@Transactional
	public void provisionDemoAttachment(long resultId, String fileName, byte[] content, String by) {
		this.actor.get().requireSystem("result.demo");
		String type = this.attachmentPolicy.check(fileName, content);
		this.attachments.add(resultId, fileName, type, content, sha256(content), by, now());
		this.audit.success("result.demo", "inspectionResult", resultId, "demo attachment " + fileName);
	}

	/** Demo data: a result moved through the workflow by named demo users, as the system. */
	@Transactional
	public InspectionResult provisionDemo(long taskId, long targetId, long departmentId, ResultEntry entry,
			String inspector, Instant at) {
		this.actor.get().requireSystem("result.demo");
		WorkRow row = this.worklist.row(taskId, targetId, departmentId)
			.orElseThrow(() -> new NotFoundException("result", taskId + "/" + targetId + "/" + departmentId));
		InspectionResult result = new InspectionResult(taskId, row.drawId(), targetId, departmentId, row.team(),
				row.itemMap(), inspector, at);
		result.record(entry, this.deadline.from(entry.inspectionDate(), this.workingDays), inspector, at);
		InspectionResult saved = this.results.save(result);
		this.results.flush();
		this.audit.success("result.demo", "inspectionResult", saved.getId(), "demo result " + entry.categoryCode());
		return saved;
	}

	/** Demo data: the review steps, as the system on behalf of the named users. */
	@Transactional
	public void provisionDemoStep(long id, StepAction action, String by, String text, Instant at) {
		this.actor.get().requireSystem("result.demo");
		InspectionResult result = this.results.findById(id).orElseThrow(() -> new NotFoundException("result", id));
		switch (action) {
			case SUBMIT -> result.submit(LocalDate.ofInstant(at, this.clock.getZone()), text, by, at);
			case RETURN -> result.sendBack(text, by, at);
			case REJECT -> result.reject(text, by, at);
			case PUBLISH -> {
				result.publish(text, by, at);
				this.published.recordLastInspection(result.getTargetId(), result.getDepartmentId(),
						result.getItems().stream().filter(ResultItem::isChecked).map(ResultItem::getItemCode).toList(),
						result.getInspectionDate());
			}
		}
		this.audit.success("result.demo", "inspectionResult", id, "demo step " + action + " by " + by);
	}

	@Transactional
	public FollowUp provisionDemoFollowUp(long resultId, FollowUpKind kind, String description, Long receiver, String by) {
		this.actor.get().requireSystem("result.demo");
		FollowUp followUp = this.followUps.save(new FollowUp(resultId, kind, description, receiver, null, by, now()));
		this.audit.success("result.demo", "inspectionResult", resultId, "demo follow-up " + kind);
		return followUp;
	}

	private Actor business(String operation) {
		Actor me = this.actor.get();
		me.require(operation, Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		return me;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

}
