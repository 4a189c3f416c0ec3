package org.doublerandom.inspection.target;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.doublerandom.inspection.spreadsheet.SheetRow;
import org.doublerandom.inspection.organization.Region;
import org.doublerandom.inspection.organization.Regions;
import org.doublerandom.inspection.spreadsheet.ImportColumns;
import org.doublerandom.inspection.spreadsheet.ReadLimits;
import org.doublerandom.inspection.spreadsheet.SpreadsheetException;
import org.doublerandom.inspection.spreadsheet.SpreadsheetReader;
import org.springframework.stereotype.Service;

/**
 * 批量导入: reads a CSV or XLSX file of targets, checks every row with the same rules as the form, and
 * reports each bad row with its row number, column and reason. The preview writes nothing; the commit reads
 * the file again, checks it again, and writes all valid rows in one transaction (or none).
 */
@Service
public class TargetImport {

	/** Columns of the import template, in order (Chinese headings; English ones are accepted too). */
	public static final List<String> COLUMNS = List.of("对象类型", "代码", "名称", "行政区划", "住所", "行业代码", "登记机关", "成立日期",
			"登记状态", "经营异常", "信用分类", "信用分类日期", "信用分类来源", "重点监管", "标签");

	static final List<String> ENGLISH = List.of("kind", "code", "name", "region", "address", "industry",
			"registration authority", "established", "status", "abnormal", "credit class", "credit class date",
			"credit class source", "key supervision", "tags");

	static final Set<String> REQUIRED = Set.of("对象类型", "代码", "名称", "行政区划");

	private static final ImportColumns HEADER = new ImportColumns(COLUMNS, ENGLISH, REQUIRED, "import");

	/** The errors kept for display; all are counted. */
	public static final int ERRORS_SHOWN = 500;

	private static final Pattern DIVISION = Pattern.compile("^([0-9]{2})");

	/** One bad row: where, and why (a message key with arguments). */
	public record RowError(int row, String column, String messageKey, List<Object> arguments) {
	}

	/** What a file holds, as the preview shows it before anything is written. */
	public record Report(String fileName, int rows, int valid, int existing, int errorCount, List<RowError> errors) {

		public boolean hasErrors() {
			return this.errorCount > 0;
		}

	}

	/** What a commit wrote. */
	public record Result(int rows, int valid, int skipped, TargetBulkWriter.Written written) {
	}

	private final TargetService targets;

	private final Regions regions;

	public TargetImport(TargetService targets, Regions regions) {
		this.targets = targets;
		this.regions = regions;
	}

	public Report preview(Path file, String fileName, ReadLimits limits) {
		this.targets.requireImporter();
		Checked checked = new Checked();
		List<String> codes = new ArrayList<>();
		int[] existing = { 0 };
		read(file, limits, checked, row -> {
			codes.add(row.code());
			if (codes.size() == 10_000) {
				existing[0] += this.targets.countExisting(codes);
				codes.clear();
			}
		});
		existing[0] += this.targets.countExisting(codes);
		return new Report(fileName, checked.rows, checked.valid, existing[0], checked.errorCount, checked.errors);
	}

	/** Writes the valid rows of the file; bad rows are skipped, as the preview showed. */
	public Result commit(Path file, String fileName, boolean updateExisting, ReadLimits limits) {
		Checked checked = new Checked();
		TargetBulkWriter.Written written = this.targets
			.importRows(sink -> read(file, limits, checked, sink::accept), updateExisting, fileName);
		return new Result(checked.rows, checked.valid, checked.rows - checked.valid, written);
	}

	private interface ValidRowHandler {

		void valid(ValidTarget row);

	}

	private static final class Checked {

		int rows;

		int valid;

		int errorCount;

		final List<RowError> errors = new ArrayList<>();

		void error(int row, String column, String key, Object... args) {
			this.errorCount++;
			if (this.errors.size() < ERRORS_SHOWN) {
				this.errors.add(new RowError(row, column, key, List.of(args)));
			}
		}

	}

	private void read(Path file, ReadLimits limits, Checked checked, ValidRowHandler handler) {
		TargetRules rules = this.targets.rules();
		LocalDate today = this.targets.today();
		Map<String, String> regionByName = new HashMap<>();
		for (Region region : this.regions.findAllByOrderBySortOrderAsc()) {
			regionByName.put(region.getName(), region.getCode());
			regionByName.put(region.getCode(), region.getCode());
		}
		Map<String, TargetKind> kinds = labels(TargetKind.values(), Map.ofEntries(Map.entry("企业", TargetKind.ENTERPRISE),
				Map.entry("个体工商户", TargetKind.INDIVIDUAL_BUSINESS), Map.entry("农民专业合作社", TargetKind.FARMERS_COOPERATIVE),
				Map.entry("事业单位", TargetKind.PUBLIC_INSTITUTION), Map.entry("社会组织", TargetKind.SOCIAL_ORGANISATION),
				Map.entry("社团法人", TargetKind.SOCIAL_ORGANISATION), Map.entry("项目工程", TargetKind.PROJECT),
				Map.entry("特定人员", TargetKind.SPECIFIC_PERSON), Map.entry("设施设备", TargetKind.FACILITY),
				Map.entry("场地场所", TargetKind.SITE), Map.entry("产品", TargetKind.PRODUCT), Map.entry("行为", TargetKind.BEHAVIOUR)));
		Map<String, TargetStatus> statuses = labels(TargetStatus.values(), Map.of("存续", TargetStatus.ACTIVE, "在业",
				TargetStatus.ACTIVE, "注销", TargetStatus.DEREGISTERED, "吊销", TargetStatus.REVOKED, "撤销",
				TargetStatus.CANCELLED, "迁出", TargetStatus.MOVED_OUT, "歇业", TargetStatus.SUSPENDED));
		Set<String> seenCodes = new HashSet<>();
		Map<String, Integer> column = new LinkedHashMap<>();
		SpreadsheetReader.read(file, limits, (rowNumber, cells) -> {
			if (column.isEmpty()) {
				column.putAll(HEADER.map(cells));
				return;
			}
			checked.rows++;
			if (cells.size() > column.size() && cells.subList(column.size(), cells.size()).stream().anyMatch(c -> !c.isEmpty())) {
				checked.error(rowNumber, "", "import.row.extraCells", cells.size(), column.size());
				return;
			}
			Row row = new Row(rowNumber, cells, column, checked);
			TargetKind kind = row.choice("对象类型", kinds, "import.kind.unknown");
			String region = row.text("行政区划");
			String regionCode = region.isEmpty() ? null : regionByName.getOrDefault(region, region);
			Matcher division = DIVISION.matcher(row.text("行业代码"));
			TargetData data = new TargetData(kind, row.text("代码"), row.text("名称"), regionCode, row.text("住所"),
					division.find() ? division.group(1) : row.text("行业代码"), row.text("登记机关"), row.date("成立日期"),
					row.text("登记状态").isEmpty() ? TargetStatus.ACTIVE
							: row.choice("登记状态", statuses, "import.status.unknown"),
					row.flag("经营异常"), row.credit("信用分类"), row.date("信用分类日期"), row.text("信用分类来源"),
					row.flag("重点监管"), splitTags(row.text("标签")));
			if (row.failed()) {
				return;
			}
			TargetRules.CheckedCode code = rules.checkCode(kind, data.code());
			List<Violation> violations = new ArrayList<>();
			if (code.violation() != null) {
				violations.add(code.violation());
			}
			violations.addAll(rules.check(data, today));
			if (!violations.isEmpty()) {
				for (Violation v : violations) {
					checked.error(rowNumber, columnOf(v.field()), v.messageKey(), v.arguments().toArray());
				}
				return;
			}
			if (!seenCodes.add(kind + "|" + code.code())) {
				checked.error(rowNumber, "代码", "import.code.duplicateInFile", code.code());
				return;
			}
			checked.valid++;
			handler.valid(new ValidTarget(code.type(), code.code(), data, rules.sectionOf(data.industryDivisionCode())));
		});
		if (column.isEmpty()) {
			throw new SpreadsheetException("file.empty");
		}
		if (checked.rows == 0) {
			throw new SpreadsheetException("file.noDataRows");
		}
	}

	static String columnOf(String field) {
		return switch (field) {
			case "kind" -> "对象类型";
			case "code" -> "代码";
			case "name" -> "名称";
			case "regionCode" -> "行政区划";
			case "address" -> "住所";
			case "industryDivisionCode" -> "行业代码";
			case "registrationAuthority" -> "登记机关";
			case "establishedOn" -> "成立日期";
			case "creditClassOn" -> "信用分类日期";
			case "creditClassSource" -> "信用分类来源";
			case "tags" -> "标签";
			default -> field;
		};
	}

	static Set<String> splitTags(String text) {
		if (text.isBlank()) {
			return Set.of();
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : text.split("[,，;；、|\\s]+")) {
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
		return map;
	}

	/** One data row of the target sheet: the common cell types plus yes/no and credit classes. */
	private static final class Row extends SheetRow {

		Row(int number, List<String> cells, Map<String, Integer> column, Checked checked) {
			super(number, cells, column, checked::error);
		}

		LocalDate date(String name) {
			return date(name, "import.date.invalid");
		}

		boolean flag(String name) {
			String text = text(name).strip().toLowerCase(Locale.ROOT);
			return switch (text) {
				case "", "否", "n", "no", "false", "0" -> false;
				case "是", "y", "yes", "true", "1" -> true;
				default -> {
					fail(name, "import.flag.invalid", text);
					yield false;
				}
			};
		}

		CreditClass credit(String name) {
			String text = text(name).strip().toUpperCase(Locale.ROOT).replace("类", "");
			if (text.isEmpty()) {
				return null;
			}
			try {
				return CreditClass.valueOf(text);
			}
			catch (IllegalArgumentException ex) {
				fail(name, "import.credit.invalid", text(name));
				return null;
			}
		}

	}

}
