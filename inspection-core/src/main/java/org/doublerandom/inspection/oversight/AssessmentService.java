package org.doublerandom.inspection.oversight;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.doublerandom.inspection.audit.AuditOutcome;
import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.Departments;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.Role;
import org.doublerandom.inspection.spreadsheet.SpreadsheetWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考核报表: a department's assessment for a period, on screen and as XLSX. The bureau assesses any department,
 * a department manager their own.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentService {

	private final AssessmentFigures figures;

	private final Departments departments;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	public AssessmentService(AssessmentFigures figures, Departments departments, CurrentActor actor, AuditTrail audit,
			Clock clock) {
		this.figures = figures;
		this.departments = departments;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	public Assessment assess(Long departmentId, AssessmentPeriod period) {
		Actor me = this.actor.get();
		me.require("oversight.assessment", Role.BUREAU, Role.DEPT_MANAGER);
		// the bureau assesses the department it picks, its own when it picks none; a manager always their own
		Long id = (me.has(Role.BUREAU) && departmentId != null) ? departmentId : me.departmentId();
		if (id == null) {
			throw new DomainException("oversight.assessment.department.required", "department");
		}
		Department department = this.departments.findById(id).orElseThrow(() -> new NotFoundException("department", id));
		return new Assessment(id, department.getCode(), department.getName(), period,
				this.clock.instant().truncatedTo(ChronoUnit.SECONDS), this.figures.entries(id, period),
				this.figures.corrections(id, period), this.figures.timeliness(id, period),
				this.figures.followUps(id, period));
	}

	/** The assessment for its printable PDF (考核报表), recorded as an export like the workbook. */
	public Assessment forPdf(Long departmentId, AssessmentPeriod period) {
		Assessment a = assess(departmentId, period);
		this.audit.recordStandalone(this.actor.get(), "oversight.export", AuditOutcome.SUCCESS,
				"assessment pdf department " + a.departmentCode() + " " + period.from() + ".." + period.to());
		return a;
	}

	/**
	 * The assessment as a workbook: 汇总 (summary, with timeliness and follow-ups), 计划与完成 (entry by entry),
	 * 作废与变更 (with reasons). Headings
	 * and labels come from {@code labels} (message keys in, the reader's language out). Recorded as an export.
	 */
	public void writeXlsx(Long departmentId, AssessmentPeriod period, UnaryOperator<String> labels, OutputStream out)
			throws IOException {
		Assessment a = assess(departmentId, period);
		Actor me = this.actor.get();
		this.audit.recordStandalone(me, "oversight.export", AuditOutcome.SUCCESS, "assessment xlsx department "
				+ a.departmentCode() + " " + period.from() + ".." + period.to());
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet summary = workbook.createSheet(labels.apply("oversight.assessment.sheet.summary"));
			row(summary, 0, bold, labels.apply("oversight.assessment.title"), a.departmentName());
			row(summary, 1, null, labels.apply("oversight.assessment.period"), period.from() + " — " + period.to());
			row(summary, 2, null, labels.apply("oversight.assessment.generatedAt"), a.generatedAt().toString());
			row(summary, 4, bold, labels.apply("oversight.assessment.measure"), labels.apply("oversight.assessment.value"));
			int r = 5;
			for (String[] line : new String[][] { { "oversight.column.entriesPlanned", "" + a.planned() },
					{ "oversight.column.tasksCreated", "" + a.tasksCreated() },
					{ "oversight.column.tasksDrawn", "" + a.tasksDrawn() },
					{ "oversight.column.tasksDispatched", "" + a.tasksDispatched() },
					{ "oversight.column.targetsDrawn", "" + a.targetsDrawn() },
					{ "oversight.column.drawsVoided", "" + a.drawsVoided() },
					{ "oversight.assessment.amendments", "" + a.amendments() },
					{ "oversight.assessment.measure.publishedOnTime", "" + a.publishedOnTime() },
					{ "oversight.assessment.measure.publishedLate", "" + a.publishedLate() },
					{ "oversight.assessment.measure.resultsOverdue", "" + a.resultsOverdue() },
					{ "oversight.assessment.measure.resultsNotYetDue", "" + a.resultsNotYetDue() },
					{ "oversight.assessment.measure.followUpsOpen", "" + a.followUpsOpen() },
					{ "oversight.assessment.measure.followUpsClosed", "" + a.followUpsClosed() } }) {
				number(summary, r++, labels.apply(line[0]), Long.parseLong(line[1]));
			}
			row(summary, r + 1, null, labels.apply("oversight.assessment.timelinessNote"));
			summary.setColumnWidth(0, 24 * 256);
			summary.setColumnWidth(1, 40 * 256);

			Sheet entries = workbook.createSheet(labels.apply("oversight.assessment.sheet.entries"));
			List<String> entryHeader = List.of("oversight.assessment.plan", "oversight.assessment.entry",
					"oversight.column.leadDepartment", "oversight.assessment.role", "oversight.assessment.periodFrom",
					"oversight.assessment.periodTo", "oversight.column.task", "oversight.column.state",
					"oversight.column.targetsDrawn", "oversight.column.drawsVoided", "oversight.assessment.amendments");
			row(entries, 0, bold, entryHeader.stream().map(labels).toArray(String[]::new));
			int e = 1;
			for (Assessment.EntryLine line : a.entries()) {
				row(entries, e++, null, line.planCode() + " " + line.planName(), line.entryName(), line.leadDepartment(),
						labels.apply(line.lead() ? "oversight.assessment.role.lead" : "oversight.assessment.role.partner"),
						line.periodFrom().toString(), line.periodTo().toString(),
						line.hasTask() ? line.taskCode() : labels.apply("oversight.assessment.noTask"),
						line.hasTask() ? labels.apply("enum.TaskState." + line.taskState()) : "",
						(line.targetsDrawn() != null) ? line.targetsDrawn().toString() : "", "" + line.drawsVoided(),
						"" + line.amendments());
			}
			widths(entries, entryHeader.size());
			entries.createFreezePane(0, 1);

			Sheet corrections = workbook.createSheet(labels.apply("oversight.assessment.sheet.corrections"));
			List<String> correctionHeader = List.of("oversight.column.task", "oversight.column.kind",
					"oversight.column.date", "oversight.column.reason", "oversight.column.requestedBy",
					"oversight.column.approver");
			row(corrections, 0, bold, correctionHeader.stream().map(labels).toArray(String[]::new));
			int c = 1;
			for (Assessment.CorrectionLine line : a.corrections()) {
				// a void's reason is the text its approver read; an amendment's a code with a label where one exists
				String label = labels.apply("draw.reason." + line.reason());
				String reason = ("void".equals(line.kind()) || label.equals("draw.reason." + line.reason())) ? line.reason()
						: label;
				row(corrections, c++, null, line.taskCode(), labels.apply("oversight.kind." + line.kind()),
						line.date().toString(), reason, line.requestedBy(), line.approver());
			}
			widths(corrections, correctionHeader.size());
			corrections.createFreezePane(0, 1);
			workbook.write(out);
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
	}

	private static void row(Sheet sheet, int index, CellStyle style, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			var cell = row.createCell(i);
			// text that a spreadsheet would take for a formula is neutralised, as in every export
			cell.setCellValue(SpreadsheetWriter.neutralize(values[i]));
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	private static void number(Sheet sheet, int index, String label, long value) {
		Row row = sheet.createRow(index);
		row.createCell(0).setCellValue(SpreadsheetWriter.neutralize(label));
		row.createCell(1).setCellValue(value);
	}

	private static void widths(Sheet sheet, int columns) {
		for (int i = 0; i < columns; i++) {
			sheet.setColumnWidth(i, 18 * 256);
		}
	}

}
