package org.doublerandom.inspection.item;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.doublerandom.inspection.spreadsheet.SheetRow;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.spreadsheet.ReadLimits;
import org.doublerandom.inspection.spreadsheet.SpreadsheetException;
import org.doublerandom.inspection.spreadsheet.SpreadsheetReader;
import org.doublerandom.inspection.target.TargetKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抽查事项清单的批量导入和导出: the items of a draft version are added or updated (matched by 事项编码) from
 * a sheet whose columns are the item form's fields, checked by the same rules with the same message keys.
 * The preview writes nothing; the commit reads the file again and writes every valid row through the
 * {@link ItemList} aggregate in one transaction. An export of any readable version is a valid import file.
 */
@Service
@Transactional(readOnly = true)
public class ItemImport {

	/** Columns of the template and of an export, in order. */
	public static final List<String> COLUMNS = List.of("事项编码", "事项名称", "子项", "抽查依据", "检查部门", "适用对象类型", "类别",
			"抽查比例", "抽查频次", "检查方式", "检查内容及要求", "检查要点", "检查人员要求", "指引检查内容", "指引检查方法", "指引检查依据", "指引工作要求",
			"备注", "排序");

	static final List<String> ENGLISH = List.of("code", "name", "sub items", "legal basis", "inspecting department",
			"target kinds", "category", "sampling ratio", "frequency", "methods", "content and requirements",
			"checkpoints", "inspector requirements", "guide content", "guide method", "guide basis",
			"guide requirements", "remarks", "sort order");

	/** The item form's labels name the same columns: a sheet made from the form's wording is accepted. */
	static final Map<String, String> ALIASES = Map.of("事项编号", "事项编码", "抽查事项名称", "事项名称", "抽查子项", "子项", "抽查主体",
			"检查部门", "抽查对象", "适用对象类型", "检查类别", "类别", "抽查内容及要求", "检查内容及要求");

	static final Set<String> REQUIRED = Set.of("事项编码", "事项名称", "抽查依据", "适用对象类型", "类别", "检查方式");

	/** A list holds tens to hundreds of items: a file far larger than that is a mistake, not a list. */
	public static final ReadLimits LIMITS = new ReadLimits(10L * 1024 * 1024, 2_000, 200L * 1024 * 1024, 0.01);

	/** The errors kept for display; all are counted. */
	public static final int ERRORS_SHOWN = 500;

	/** The item form's pattern for 事项编号 (ItemForm): empty is left to the "required" check. */
	private static final Pattern CODE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,31})?");

	private static final Pattern LABEL_SEPARATORS = Pattern.compile("[、；;，,\\s]+");

	private static final Pattern CHECKPOINT_SEPARATORS = Pattern.compile("\\R|；");

	static final Map<TargetKind, String> KIND_LABELS = labels(TargetKind.class,
			Map.ofEntries(Map.entry(TargetKind.ENTERPRISE, "企业"), Map.entry(TargetKind.INDIVIDUAL_BUSINESS, "个体工商户"),
					Map.entry(TargetKind.FARMERS_COOPERATIVE, "农民专业合作社"), Map.entry(TargetKind.PUBLIC_INSTITUTION, "事业单位"),
					Map.entry(TargetKind.SOCIAL_ORGANISATION, "社会组织"), Map.entry(TargetKind.PROJECT, "项目工程"),
					Map.entry(TargetKind.SPECIFIC_PERSON, "特定人员"), Map.entry(TargetKind.FACILITY, "设施设备"),
					Map.entry(TargetKind.SITE, "场地场所"), Map.entry(TargetKind.PRODUCT, "产品"),
					Map.entry(TargetKind.BEHAVIOUR, "行为")));

	static final Map<InspectionMethod, String> METHOD_LABELS = labels(InspectionMethod.class,
			Map.of(InspectionMethod.ON_SITE, "实地检查", InspectionMethod.DOCUMENTARY, "书面检查",
					InspectionMethod.OTHER_AUTHORITY_FINDINGS, "行政部门检查结果或专业意见", InspectionMethod.TESTING, "检验检测",
					InspectionMethod.ONLINE_MONITORING, "网络监测", InspectionMethod.EXPERT_ASSISTANCE, "委托专业机构辅助"));

	static final Map<ItemCategory, String> CATEGORY_LABELS = labels(ItemCategory.class,
			Map.of(ItemCategory.GENERAL, "一般", ItemCategory.KEY, "重点"));

	private static final Map<String, TargetKind> KINDS = parsing(KIND_LABELS,
			Map.of("社团法人", TargetKind.SOCIAL_ORGANISATION, "社会组织（社团法人）", TargetKind.SOCIAL_ORGANISATION));

	private static final Map<String, InspectionMethod> METHODS = parsing(METHOD_LABELS, Map.of());

	private static final Map<String, ItemCategory> CATEGORIES = parsing(CATEGORY_LABELS,
			Map.of("一般检查事项", ItemCategory.GENERAL, "重点检查事项", ItemCategory.KEY));

	/** One bad row: where, and why (a message key with arguments). */
	public record RowError(int row, String column, String messageKey, List<Object> arguments) {
	}

	/** What a file would do to the draft, as the preview shows it before anything is written. */
	public record Report(String fileName, int rows, int valid, int added, int updated, int unchanged, int errorCount,
			List<RowError> errors) {

		public boolean hasErrors() {
			return this.errorCount > 0;
		}

	}

	/** What a commit wrote. */
	public record Result(int rows, int added, int updated, int unchanged, int skipped) {
	}

	/**
	 * Where an import started from a version's page goes: the version itself if it is a draft, else the
	 * current draft of the same list, or none (then a draft has to be started first).
	 */
	public record Destination(ItemList version, ItemList draft) {

		public boolean hasDraft() {
			return this.draft != null;
		}

	}

	/** A version's items as the cells of the import template. */
	public record Export(ItemList list, String title, List<List<String>> rows) {
	}

	private final ItemListService service;

	private final ItemLists lists;

	private final Departments departments;

	private final CurrentActor actor;

	private final AuditTrail audit;

	public ItemImport(ItemListService service, ItemLists lists, Departments departments, CurrentActor actor,
			AuditTrail audit) {
		this.service = service;
		this.lists = lists;
		this.departments = departments;
		this.actor = actor;
		this.audit = audit;
	}

	/** Refuses whoever may not edit the list's draft: importing is editing. */
	public Destination destination(Long listId) {
		ItemList version = this.service.list(listId);
		requireEditor(version);
		ItemList draft = version.isDraft() ? version
				: this.lists.findByDepartmentIdAndJointAndStatus(version.getDepartmentId(), version.isJoint(),
						ItemListStatus.DRAFT).orElse(null);
		return new Destination(version, draft);
	}

	/** The template and the preview's wording need only a business role. */
	public void requireReader() {
		this.actor.get().require("item.read", Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
	}

	public Report preview(Long listId, Path file, String fileName, ReadLimits limits) {
		ItemList draft = this.service.draftForEditing(listId);
		Checked checked = read(file, limits, draft);
		return new Report(fileName, checked.rows, checked.valid.size(), checked.added(), checked.updated(),
				checked.unchanged(), checked.errorCount, checked.errors);
	}

	/** Writes the valid rows into the draft at once; bad rows are skipped, as the preview showed. */
	@Transactional
	public Result commit(Long listId, Path file, String fileName, ReadLimits limits) {
		ItemList draft = this.service.draftForEditing(listId);
		Checked checked = read(file, limits, draft);
		if (checked.valid.isEmpty()) {
			throw new DomainException("item.import.nothingValid", "file");
		}
		for (ValidRow row : checked.valid) {
			if (row.existing() == null) {
				draft.addItem(row.details());
			}
			else if (!row.unchanged()) {
				draft.changeItem(row.existing().getId(), row.details());
			}
		}
		this.lists.save(draft);
		this.lists.flush();
		Result result = new Result(checked.rows, checked.added(), checked.updated(), checked.unchanged(),
				checked.rows - checked.valid.size());
		this.audit.success("item.import", "itemList", draft.getId(),
				describe(draft) + " " + fileName + ": " + result.rows() + " rows, " + result.added() + " new, "
						+ result.updated() + " updated, " + result.unchanged() + " unchanged, " + result.skipped()
						+ " skipped");
		return result;
	}

	/** Any version the actor may read, in the template's columns; formula text is neutralised on writing. */
	public Export export(Long listId) {
		ItemList list = this.service.list(listId);
		// recorded in its own transaction: the export itself only reads
		this.audit.recordStandalone(this.actor.get(), "item.export", AuditOutcome.SUCCESS,
				"list " + listId + " version " + list.getVersionNo());
		String title = departmentName(list) + (list.isJoint() ? "部门联合抽查事项清单" : "抽查事项清单") + "第"
				+ list.getVersionNo() + "版";
		return new Export(list, title, list.getItems().stream().map(ItemImport::cells).toList());
	}

	/** One filled-in row for the template, so a user sees how each column is written. */
	public static List<String> exampleRow() {
		return List.of("SCJG-099", "示例·广告发布情况检查", "", "《中华人民共和国广告法》第四十六条、第四十七条", "", "企业、个体工商户", "一般", "不高于3%",
				"每年不少于1次", "书面检查、网络监测", "对照检查要点逐项检查，如实记录。", "广告内容真实合法\n特殊商品广告经审查", "持有行政执法证件，不少于2人。", "见检查要点。",
				"查阅广告发布记录，必要时网络监测。", "《中华人民共和国广告法》", "检查结果20个工作日内公示。", "", "90");
	}

	static List<String> cells(InspectionItem item) {
		return List.of(item.getCode(), item.getName(), text(item.getSubItems()), item.getLegalBasis(),
				item.getInspectingDepartment(),
				item.getTargetKinds().stream().map(KIND_LABELS::get).collect(Collectors.joining("、")),
				CATEGORY_LABELS.get(item.getCategory()), text(item.getSamplingRatio()), text(item.getFrequency()),
				item.getMethods().stream().map(METHOD_LABELS::get).collect(Collectors.joining("、")),
				text(item.getContentRequirements()), String.join("\n", item.getCheckpoints()),
				text(item.getInspectorRequirements()), text(item.getGuideContent()), text(item.getGuideMethod()),
				text(item.getGuideBasis()), text(item.getGuideRequirements()), text(item.getRemarks()),
				String.valueOf(item.getSortOrder()));
	}

	private void requireEditor(ItemList list) {
		if (!ItemAccess.canEdit(this.actor.get(), list.getDepartmentId(), list.isJoint())) {
			throw new NotPermittedException("item.import");
		}
	}

	private String departmentName(ItemList list) {
		return this.departments.findById(list.getDepartmentId()).map(Department::getName).orElse("");
	}

	private String describe(ItemList list) {
		String code = this.departments.findById(list.getDepartmentId()).map(Department::getCode).orElse("?");
		return code + (list.isJoint() ? " joint" : "") + " v" + list.getVersionNo();
	}

	/** A row that passed every check, and what it does to the draft. */
	private record ValidRow(ItemDetails details, InspectionItem existing, boolean unchanged) {
	}

	private static final class Checked {

		int rows;

		int errorCount;

		final List<RowError> errors = new ArrayList<>();

		final List<ValidRow> valid = new ArrayList<>();

		void error(int row, String column, String key, Object... args) {
			this.errorCount++;
			if (this.errors.size() < ERRORS_SHOWN) {
				this.errors.add(new RowError(row, column, key, List.of(args)));
			}
		}

		int added() {
			return (int) this.valid.stream().filter(row -> row.existing() == null).count();
		}

		int updated() {
			return (int) this.valid.stream().filter(row -> row.existing() != null && !row.unchanged()).count();
		}

		int unchanged() {
			return (int) this.valid.stream().filter(ValidRow::unchanged).count();
		}

	}

	private Checked read(Path file, ReadLimits limits, ItemList draft) {
		Checked checked = new Checked();
		String departmentName = departmentName(draft);
		Map<String, InspectionItem> existing = new HashMap<>();
		draft.getItems().forEach(item -> existing.put(key(item.getCode()), item));
		int[] nextOrder = { draft.getItems().stream().mapToInt(InspectionItem::getSortOrder).max().orElse(0) };
		Set<String> seenCodes = new HashSet<>();
		Map<String, Integer> column = new LinkedHashMap<>();
		SpreadsheetReader.read(file, limits, (rowNumber, cells) -> {
			if (column.isEmpty()) {
				header(cells, column);
				return;
			}
			checked.rows++;
			int width = column.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
			if (cells.size() > width && cells.subList(width, cells.size()).stream().anyMatch(c -> !c.isEmpty())) {
				checked.error(rowNumber, "", "item.import.row.extraCells", cells.size(), width);
				return;
			}
			Row row = new Row(rowNumber, cells, column, checked);
			String code = row.required("事项编码", 0);
			if (!code.isEmpty() && !CODE.matcher(code).matches()) {
				row.fail("事项编码", "Pattern.form.code");
			}
			String name = row.required("事项名称", 200);
			String subItems = row.optional("子项", 4000);
			String legalBasis = row.required("抽查依据", 4000);
			String inspecting = row.optional("检查部门", 200);
			Set<TargetKind> kinds = row.labels("适用对象类型", KINDS, "item.import.targetKind.unknown",
					"NotEmpty.targetKinds");
			ItemCategory category = row.category();
			String ratio = row.optional("抽查比例", 200);
			String frequency = row.optional("抽查频次", 200);
			Set<InspectionMethod> methods = row.labels("检查方式", METHODS, "item.import.method.unknown",
					"NotEmpty.methods");
			String content = row.optional("检查内容及要求", 4000);
			String checkpoints = row.optional("检查要点", 10000);
			String inspectors = row.optional("检查人员要求", 4000);
			String guideContent = row.optional("指引检查内容", 4000);
			String guideMethod = row.optional("指引检查方法", 4000);
			String guideBasis = row.optional("指引检查依据", 4000);
			String guideRequirements = row.optional("指引工作要求", 4000);
			String remarks = row.optional("备注", 4000);
			Integer sortOrder = row.sortOrder();
			if (row.failed()) {
				return;
			}
			if (!seenCodes.add(key(code))) {
				checked.error(rowNumber, "事项编码", "item.import.code.duplicateInFile", code);
				return;
			}
			InspectionItem before = existing.get(key(code));
			// 检查部门 and 排序 may be left empty: an item keeps its own, a new one takes the list's department
			// and goes after the items already there
			String department = (inspecting != null) ? inspecting
					: (before != null) ? before.getInspectingDepartment() : departmentName;
			int order = (sortOrder != null) ? sortOrder
					: (before != null) ? before.getSortOrder() : (nextOrder[0] += 10);
			ItemDetails details = new ItemDetails(code, name, subItems, legalBasis, department, category, ratio,
					frequency, content, inspectors, remarks, order, guideContent, guideMethod, guideBasis,
					guideRequirements, kinds, methods,
					(checkpoints == null) ? List.of() : Arrays.asList(CHECKPOINT_SEPARATORS.split(checkpoints)));
			checked.valid.add(new ValidRow(details, before, before != null && before.details().equals(details)));
		});
		if (column.isEmpty()) {
			throw new SpreadsheetException("file.empty");
		}
		if (checked.rows == 0) {
			throw new SpreadsheetException("file.noDataRows");
		}
		return checked;
	}

	/** 事项编码 are unique within a version whatever their case (as {@link ItemList} checks them). */
	private static String key(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}

	private static void header(List<String> cells, Map<String, Integer> column) {
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			String heading = cells.get(i).strip();
			if (heading.isEmpty()) {
				continue;
			}
			int english = ENGLISH.indexOf(heading.toLowerCase(Locale.ROOT));
			String name = COLUMNS.contains(heading) ? heading
					: (english >= 0) ? COLUMNS.get(english) : ALIASES.get(heading);
			if (name == null) {
				unknown.add(heading);
			}
			else if (column.putIfAbsent(name, i) != null) {
				throw new SpreadsheetException("item.import.header.duplicate", name);
			}
		}
		if (!unknown.isEmpty()) {
			throw new SpreadsheetException("item.import.header.unknown", String.join("、", unknown),
					String.join("、", COLUMNS));
		}
		List<String> missing = COLUMNS.stream()
			.filter(name -> REQUIRED.contains(name) && !column.containsKey(name))
			.toList();
		if (!missing.isEmpty()) {
			throw new SpreadsheetException("item.import.header.missing", String.join("、", missing));
		}
	}

	private static String text(String value) {
		return (value == null) ? "" : value;
	}

	private static <E extends Enum<E>> Map<E, String> labels(Class<E> type, Map<E, String> labels) {
		Map<E, String> map = new EnumMap<>(type);
		map.putAll(labels);
		for (E value : type.getEnumConstants()) {
			if (!map.containsKey(value)) {
				throw new IllegalStateException("no import label for " + value);
			}
		}
		return Map.copyOf(map);
	}

	private static <E extends Enum<E>> Map<String, E> parsing(Map<E, String> labels, Map<String, E> extra) {
		Map<String, E> map = labels.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey, (a, b) -> a, HashMap::new));
		labels.keySet().forEach(value -> map.put(value.name(), value));
		map.putAll(extra);
		return Map.copyOf(map);
	}

	/**
	 * One data row being read: its cells by column, each checked as the item form checks its field (the
	 * same message keys: NotBlank, Size, Pattern.form.code, NotEmpty.targetKinds…), errors at their column.
	 */
	private static final class Row extends SheetRow {

		Row(int number, List<String> cells, Map<String, Integer> column, Checked checked) {
			super(number, cells, column, checked::error);
		}

		/** @param max the form's {@code @Size(max)}, or 0 when the form sets none */
		String required(String name, int max) {
			String text = text(name);
			if (text.isBlank()) {
				fail(name, "NotBlank");
				return "";
			}
			return sized(name, text.strip(), max);
		}

		String optional(String name, int max) {
			String text = text(name);
			return text.isBlank() ? null : sized(name, text.strip(), max);
		}

		private String sized(String name, String text, int max) {
			if (max > 0 && text.length() > max) {
				// the arguments of Bean Validation's Size: field, max, min
				fail(name, "Size", name, max, 0);
			}
			return text;
		}

		<E> Set<E> labels(String name, Map<String, E> values, String unknownKey, String emptyKey) {
			Set<E> chosen = new LinkedHashSet<>();
			for (String label : LABEL_SEPARATORS.split(text(name))) {
				if (label.isEmpty()) {
					continue;
				}
				E value = values.get(label);
				if (value == null) {
					value = values.get(label.toUpperCase(Locale.ROOT));
				}
				if (value == null) {
					fail(name, unknownKey, label);
					return Set.of();
				}
				chosen.add(value);
			}
			if (chosen.isEmpty()) {
				fail(name, emptyKey);
			}
			return chosen;
		}

		ItemCategory category() {
			String text = text("类别").strip();
			if (text.isEmpty()) {
				fail("类别", "NotNull");
				return null;
			}
			ItemCategory category = CATEGORIES.get(text);
			if (category == null) {
				category = CATEGORIES.get(text.toUpperCase(Locale.ROOT));
			}
			if (category == null) {
				fail("类别", "item.import.category.unknown", text);
			}
			return category;
		}

		Integer sortOrder() {
			String text = text("排序").strip();
			if (text.isEmpty()) {
				return null;
			}
			try {
				int value = Integer.parseInt(text);
				if (value < 0) {
					fail("排序", "PositiveOrZero.sortOrder");
				}
				return value;
			}
			catch (NumberFormatException ex) {
				fail("排序", "typeMismatch");
				return null;
			}
		}

	}

}
