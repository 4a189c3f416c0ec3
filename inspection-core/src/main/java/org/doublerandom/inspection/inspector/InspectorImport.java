package org.doublerandom.inspection.inspector;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.doublerandom.inspection.spreadsheet.SheetRow;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.organization.Region;
import org.doublerandom.inspection.organization.Regions;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.spreadsheet.ImportColumns;
import org.doublerandom.inspection.spreadsheet.ReadLimits;
import org.doublerandom.inspection.spreadsheet.SpreadsheetException;
import org.doublerandom.inspection.spreadsheet.SpreadsheetReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 批量导入 and 导出 of the inspector registry. One row is one person with at most one certificate; every row
 * goes to the importing user's own department (the data scope, never a column). A row is refused for what
 * the form refuses, with the same message keys, and also when its certificate number repeats in the file or
 * belongs to another department's person. The preview writes nothing; the commit reads the file again,
 * checks it again and writes all valid rows in one transaction. People are matched by certificate number
 * (证件编号) within the department: insert-only leaves them as they are, update mode overwrites them.
 */
@Service
@Transactional(readOnly = true)
public class InspectorImport {

	/** Columns of the import template and of the export, in order (English headings are accepted too). */
	public static final List<String> COLUMNS = List.of("姓名", "人员类别", "科室", "行政区划", "状态", "手机号", "执法资质",
			"证件编号", "证件类型", "发证机关", "有效期至", "可检查事项", "业务专长");

	static final List<String> ENGLISH = List.of("name", "kind", "unit", "region", "status", "phone", "qualifications",
			"certificate number", "certificate kind", "issuing body", "valid until", "items", "expertise");

	static final ImportColumns HEADER = new ImportColumns(COLUMNS, ENGLISH, Set.of("姓名", "人员类别"), "inspector.import");

	/**
	 * A department has hundreds or a few thousand people, so a file is checked whole in memory; the row limit
	 * keeps an upload from exhausting it. The zip limits are the uploads' own (POI holds them globally).
	 */
	public static final ReadLimits LIMITS = new ReadLimits(10L * 1024 * 1024, 20_000,
			ReadLimits.uploads().maxInflatedEntryBytes(), ReadLimits.uploads().minInflateRatio());

	/** The errors kept for display; all are counted. */
	public static final int ERRORS_SHOWN = 500;

	static final int BATCH = 500;

	/** An exported phone (138****5678): importing the export back keeps the number on file. */
	static final Pattern MASKED_PHONE = Pattern.compile("1[3-9][0-9]\\*{4}[0-9]{4}");

	static final Map<String, InspectorKind> KINDS = labels(InspectorKind.values(),
			Map.of("执法人员", InspectorKind.OFFICER, "专家", InspectorKind.EXPERT));

	static final Map<String, InspectorStatus> STATUSES = labels(InspectorStatus.values(),
			Map.of("在岗", InspectorStatus.ACTIVE, "休假", InspectorStatus.ON_LEAVE, "暂离", InspectorStatus.ON_LEAVE,
					"暂离岗位", InspectorStatus.ON_LEAVE, "离职", InspectorStatus.LEFT, "离岗", InspectorStatus.LEFT,
					"已离岗", InspectorStatus.LEFT));

	static final Map<String, CertificateKind> CERTIFICATE_KINDS = labels(CertificateKind.values(),
			Map.of("行政执法证", CertificateKind.ENFORCEMENT, "执法证", CertificateKind.ENFORCEMENT, "行政执法监督证",
					CertificateKind.SUPERVISION, "执法监督证", CertificateKind.SUPERVISION, "专业资格证书",
					CertificateKind.PROFESSIONAL, "专业资格证", CertificateKind.PROFESSIONAL));

	private static final Map<InspectorKind, String> KIND_LABELS = Map.of(InspectorKind.OFFICER, "执法人员",
			InspectorKind.EXPERT, "专家");

	private static final Map<InspectorStatus, String> STATUS_LABELS = Map.of(InspectorStatus.ACTIVE, "在岗",
			InspectorStatus.ON_LEAVE, "休假", InspectorStatus.LEFT, "离职");

	private static final Map<CertificateKind, String> CERTIFICATE_LABELS = Map.of(CertificateKind.ENFORCEMENT,
			"行政执法证", CertificateKind.SUPERVISION, "行政执法监督证", CertificateKind.PROFESSIONAL, "专业资格证书");

	private static final Role[] IMPORTERS = { Role.OFFICER, Role.DEPT_MANAGER };

	/** One bad row: where, and why (a message key with arguments). */
	public record RowError(int row, String column, String messageKey, List<Object> arguments) {
	}

	/** What a file holds, as the preview shows it before anything is written. */
	public record Report(String fileName, int rows, int valid, int existing, int errorCount, List<RowError> errors) {

		public boolean hasErrors() {
			return this.errorCount > 0;
		}

	}

	/** What a commit wrote; {@code unchanged} are people already in the registry that insert-only left alone. */
	public record Result(int rows, int valid, int inserted, int updated, int unchanged, int skipped) {
	}

	/** A row that passed the rules of a single entry. */
	record ImportRow(int row, InspectorDetails details, NewCertificate certificate, List<String> itemCodes) {
	}

	/** A row that may be written, with the department's person it updates ({@code null}: a new person). */
	record ValidRow(ImportRow row, Long existingId) {
	}

	private final Inspectors inspectors;

	private final InspectorService service;

	private final Regions regions;

	private final Departments departments;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	public InspectorImport(Inspectors inspectors, InspectorService service, Regions regions, Departments departments,
			CurrentActor actor, AuditTrail audit, Clock clock) {
		this.inspectors = inspectors;
		this.service = service;
		this.regions = regions;
		this.departments = departments;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	/** Only staff who may add people to their own department's registry may import. */
	public Actor requireImporter() {
		Actor me = this.actor.get();
		me.require("inspector.import", IMPORTERS);
		if (me.departmentId() == null) {
			throw new DomainException("error.notPermitted", null, "inspector.import");
		}
		return me;
	}

	public Report preview(Path file, String fileName, ReadLimits limits) {
		Actor me = requireImporter();
		Checked checked = check(file, limits, me.departmentId());
		return checked.report(fileName);
	}

	/** Writes the valid rows of the file, all or none; bad rows are skipped, as the preview showed. */
	@Transactional
	public Result commit(Path file, String fileName, boolean updateExisting, ReadLimits limits) {
		Actor me = requireImporter();
		Checked checked = check(file, limits, me.departmentId());
		Instant now = this.clock.instant();
		int inserted = 0;
		int updated = 0;
		int unchanged = 0;
		for (int from = 0; from < checked.valid.size(); from += BATCH) {
			List<ValidRow> batch = checked.valid.subList(from, Math.min(from + BATCH, checked.valid.size()));
			List<Long> ids = batch.stream().map(ValidRow::existingId).filter(Objects::nonNull).toList();
			Map<Long, Inspector> existing = (ids.isEmpty() || !updateExisting) ? Map.of()
					: this.inspectors.findWithCertificatesByIdIn(ids)
						.stream()
						.collect(Collectors.toMap(Inspector::getId, Function.identity()));
			for (ValidRow valid : batch) {
				ImportRow row = valid.row();
				if (valid.existingId() == null) {
					Inspector person = new Inspector(row.details(), me.departmentId(), now);
					if (row.certificate() != null) {
						person.addCertificate(row.certificate(), now);
					}
					row.itemCodes().forEach(code -> person.addItem(code, now));
					this.inspectors.save(person);
					inserted++;
				}
				else if (!updateExisting) {
					unchanged++;
				}
				else {
					Inspector person = existing.get(valid.existingId());
					InspectorDetails d = row.details();
					// the file knows nothing of the linked staff account: keep it
					person.apply(new InspectorDetails(d.name(), d.kind(), d.unit(), d.regionCode(), d.status(),
							d.phone(), false, d.qualifications(), person.getUserAccountId(), d.expertise()), now);
					person.reviseCertificate(row.certificate(), now);
					// items are only added: removing one is a deliberate act on the detail page
					row.itemCodes().forEach(code -> person.addItem(code, now));
					updated++;
				}
			}
		}
		int skipped = checked.rows - checked.valid.size();
		this.audit.success("inspector.import", "department", me.departmentId(),
				fileName + ": " + checked.rows + " rows, " + inserted + " new, " + updated + " updated, " + unchanged
						+ " unchanged, " + skipped + " skipped" + (updateExisting ? " (update mode)" : " (insert only)"));
		return new Result(checked.rows, checked.valid.size(), inserted, updated, unchanged, skipped);
	}

	/** The filtered list as rows of the template's columns, phones masked, in the list's data scope. */
	public void export(InspectorSearch criteria, String sort, boolean descending, Consumer<List<String>> sink) {
		Map<String, String> regionNames = this.regions.findAllByOrderBySortOrderAsc()
			.stream()
			.collect(Collectors.toMap(Region::getCode, Region::getName));
		this.service.export(criteria, sort, descending, person -> sink.accept(cells(person, regionNames)));
	}

	/**
	 * One person as the template's cells: an export can be edited and imported back. Only the certificate with
	 * the latest validity fits the row; the masked phone keeps the number on file when imported back.
	 */
	static List<String> cells(Inspector person, Map<String, String> regionNames) {
		List<InspectorCertificate> certificates = person.getCertificates();
		InspectorCertificate certificate = certificates.isEmpty() ? null : certificates.get(0);
		return List.of(person.getName(), KIND_LABELS.get(person.getKind()), nullToEmpty(person.getUnit()),
				regionNames.getOrDefault(person.getRegionCode(), person.getRegionCode()),
				STATUS_LABELS.get(person.getStatus()), person.getMaskedPhone(), nullToEmpty(person.getQualifications()),
				(certificate != null) ? certificate.getNumber() : "",
				(certificate != null) ? CERTIFICATE_LABELS.get(certificate.getKind()) : "",
				(certificate != null) ? certificate.getIssuingBody() : "",
				(certificate != null) ? certificate.getValidUntil().toString() : "",
				String.join("、", person.getItemCodes()), String.join("、", person.getExpertise()));
	}

	/** Reads and checks the whole file: first each row alone, then the certificate numbers against the registry. */
	private Checked check(Path file, ReadLimits limits, Long departmentId) {
		Checked checked = new Checked();
		Map<String, String> regionCodes = new HashMap<>();
		for (Region region : this.regions.findAllByOrderBySortOrderAsc()) {
			regionCodes.put(region.getName(), region.getCode());
			regionCodes.put(region.getCode(), region.getCode());
		}
		String ownRegion = this.departments.findById(departmentId).map(Department::getRegionCode).orElse(null);
		Map<String, Integer> column = new LinkedHashMap<>();
		List<ImportRow> parsed = new ArrayList<>();
		SpreadsheetReader.read(file, limits, (rowNumber, cells) -> {
			if (column.isEmpty()) {
				column.putAll(HEADER.map(cells));
				return;
			}
			checked.rows++;
			if (ImportColumns.hasExtraCells(cells, column)) {
				checked.error(rowNumber, "", "inspector.import.row.extraCells", cells.size(), column.size());
				return;
			}
			ImportRow row = parse(new Row(rowNumber, cells, column, checked), regionCodes, ownRegion);
			if (row != null) {
				parsed.add(row);
			}
		});
		if (column.isEmpty()) {
			throw new SpreadsheetException("file.empty");
		}
		if (checked.rows == 0) {
			throw new SpreadsheetException("file.noDataRows");
		}
		Set<String> seen = new HashSet<>();
		List<ImportRow> unique = new ArrayList<>();
		for (ImportRow row : parsed) {
			if (row.certificate() != null && !seen.add(row.certificate().number())) {
				checked.error(row.row(), "证件编号", "inspector.import.certificate.duplicateInFile",
						row.certificate().number());
			}
			else {
				unique.add(row);
			}
		}
		Map<String, CertificateHolder> holders = holders(new ArrayList<>(seen));
		for (ImportRow row : unique) {
			CertificateHolder holder = (row.certificate() != null) ? holders.get(row.certificate().number()) : null;
			if (holder != null && !holder.departmentId().equals(departmentId)) {
				// the number is unique in the whole registry: the same refusal as the certificate form's
				checked.error(row.row(), "证件编号", "inspector.certificate.number.duplicate", row.certificate().number());
			}
			else {
				checked.valid.add(new ValidRow(row, (holder != null) ? holder.inspectorId() : null));
			}
		}
		return checked;
	}

	private Map<String, CertificateHolder> holders(List<String> numbers) {
		Map<String, CertificateHolder> holders = new HashMap<>();
		for (int from = 0; from < numbers.size(); from += 1000) {
			this.inspectors.findCertificateHolders(numbers.subList(from, Math.min(from + 1000, numbers.size())))
				.forEach(holder -> holders.put(holder.number(), holder));
		}
		return holders;
	}

	/** One row's cells as the commands of the form, or {@code null} with its errors recorded. */
	static ImportRow parse(Row row, Map<String, String> regionCodes, String ownRegion) {
		InspectorKind kind = row.choice("人员类别", KINDS, "inspector.import.kind.unknown");
		String regionText = row.text("行政区划");
		String regionCode = regionText.isEmpty() ? ownRegion : regionCodes.get(regionText);
		if (regionCode == null && !regionText.isEmpty()) {
			row.fail("行政区划", "inspector.import.region.unknown", regionText);
		}
		InspectorStatus status = row.choice("状态", STATUSES, "inspector.import.status.unknown");
		String phone = row.text("手机号");
		if (MASKED_PHONE.matcher(phone).matches()) {
			phone = null;
		}
		List<String> itemCodes = List.of();
		if (!row.text("可检查事项").isEmpty()) {
			try {
				itemCodes = InspectorService.itemCodes(row.text("可检查事项"));
			}
			catch (DomainException ex) {
				row.fail("可检查事项", ex.messageKey(), ex.arguments());
			}
		}
		boolean hasCertificate = !(row.text("证件编号").isEmpty() && row.text("证件类型").isEmpty()
				&& row.text("发证机关").isEmpty() && row.text("有效期至").isEmpty());
		CertificateKind certificateKind = row.choice("证件类型", CERTIFICATE_KINDS, "inspector.import.certificateKind.unknown");
		LocalDate validUntil = row.date("有效期至");
		if (row.failed()) {
			return null;
		}
		InspectorDetails details = null;
		try {
			details = InspectorService.checkDetails(new InspectorDetails(row.text("姓名"), kind, row.text("科室"),
					regionCode, status, phone, false, row.text("执法资质"), null, splitTags(row.text("业务专长"))),
					regionCodes::containsValue);
		}
		catch (DomainException ex) {
			row.fail(columnOf(ex.field()), ex.messageKey(), ex.arguments());
		}
		NewCertificate certificate = null;
		if (hasCertificate) {
			try {
				certificate = InspectorService.checkCertificate(
						new NewCertificate(row.text("证件编号"), certificateKind, row.text("发证机关"), validUntil));
			}
			catch (DomainException ex) {
				row.fail(certificateColumnOf(ex.field()), ex.messageKey(), ex.arguments());
			}
		}
		return row.failed() ? null : new ImportRow(row.number(), details, certificate, itemCodes);
	}

	static String columnOf(String field) {
		return switch (Objects.toString(field, "")) {
			case "name" -> "姓名";
			case "kind" -> "人员类别";
			case "unit" -> "科室";
			case "regionCode" -> "行政区划";
			case "phone" -> "手机号";
			case "qualifications" -> "执法资质";
			case "expertise" -> "业务专长";
			default -> "";
		};
	}

	static String certificateColumnOf(String field) {
		return switch (Objects.toString(field, "")) {
			case "number" -> "证件编号";
			case "kind" -> "证件类型";
			case "issuingBody" -> "发证机关";
			case "validUntil" -> "有效期至";
			default -> "";
		};
	}

	/** Tags separated as on the form: commas, semicolons or 、. */
	static Set<String> splitTags(String text) {
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : text.split("[,，、;；]+")) {
			if (!tag.isBlank()) {
				tags.add(tag.strip());
			}
		}
		return tags;
	}

	private static <E extends Enum<E>> Map<String, E> labels(E[] values, Map<String, E> chinese) {
		Map<String, E> map = new HashMap<>(chinese);
		for (E value : values) {
			map.put(value.name(), value);
		}
		return Map.copyOf(map);
	}

	private static String nullToEmpty(String value) {
		return (value == null) ? "" : value;
	}

	/** The outcome of reading a file: counts, every error (sorted by row for display), and the valid rows. */
	static final class Checked {

		int rows;

		final List<RowError> errors = new ArrayList<>();

		final List<ValidRow> valid = new ArrayList<>();

		void error(int row, String column, String key, Object... args) {
			this.errors.add(new RowError(row, column, key, List.of(args)));
		}

		Report report(String fileName) {
			List<RowError> shown = this.errors.stream()
				.sorted(Comparator.comparingInt(RowError::row))
				.limit(ERRORS_SHOWN)
				.toList();
			int existing = (int) this.valid.stream().filter(v -> v.existingId() != null).count();
			return new Report(fileName, this.rows, this.valid.size(), existing, this.errors.size(), shown);
		}

	}

	/** One data row of the inspector sheet. */
	static final class Row extends SheetRow {

		Row(int number, List<String> cells, Map<String, Integer> column, Checked checked) {
			super(number, cells, column, checked::error);
		}

		LocalDate date(String name) {
			return date(name, "inspector.import.date.invalid");
		}

	}

}
