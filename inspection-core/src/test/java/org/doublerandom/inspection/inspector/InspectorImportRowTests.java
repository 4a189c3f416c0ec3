package org.doublerandom.inspection.inspector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doublerandom.inspection.spreadsheet.SpreadsheetException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One row of an inspector import read into the form's commands, or refused at its column with the form's keys. */
class InspectorImportRowTests {

	static final Map<String, String> REGIONS = Map.of("东胜区", "150602", "150602", "150602", "鄂托克旗", "150624",
			"150624", "150624");

	final InspectorImport.Checked checked = new InspectorImport.Checked();

	InspectorImport.ImportRow parse(String... cells) {
		var column = InspectorImport.HEADER.map(InspectorImport.COLUMNS);
		List<String> row = new ArrayList<>(Arrays.asList(cells));
		while (row.size() < InspectorImport.COLUMNS.size()) {
			row.add("");
		}
		return InspectorImport.parse(new InspectorImport.Row(7, row, column, this.checked), REGIONS, "150602");
	}

	List<String> errors() {
		return this.checked.errors.stream().map(e -> e.column() + " " + e.messageKey() + " " + e.arguments()).toList();
	}

	@Test
	void aFullRowBecomesThePersonTheCertificateAndTheItems() {
		var row = parse("张三", "执法人员", "一科", "鄂托克旗", "休假", "13812345678", "食品", "ZF-1", "行政执法证", "市政府",
				"2028年12月31日", "scjg-001；SCJG-002、SCJG-001", "食品安全，特种设备、食品安全");
		assertThat(errors()).isEmpty();
		assertThat(row.details()).isEqualTo(new InspectorDetails("张三", InspectorKind.OFFICER, "一科", "150624",
				InspectorStatus.ON_LEAVE, "13812345678", false, "食品", null, Set.of("食品安全", "特种设备")));
		assertThat(row.certificate())
			.isEqualTo(new NewCertificate("ZF-1", CertificateKind.ENFORCEMENT, "市政府", LocalDate.of(2028, 12, 31)));
		assertThat(row.itemCodes()).containsExactly("SCJG-001", "SCJG-002");
	}

	@Test
	void enumNamesAreAcceptedAndABlankRegionIsTheDepartmentsOwn() {
		var row = parse("李四", "expert", "", "", "LEFT");
		assertThat(errors()).isEmpty();
		assertThat(row.details().kind()).isEqualTo(InspectorKind.EXPERT);
		assertThat(row.details().status()).isEqualTo(InspectorStatus.LEFT);
		assertThat(row.details().regionCode()).isEqualTo("150602");
		assertThat(row.certificate()).isNull();
	}

	@Test
	void aMaskedPhoneFromAnExportKeepsTheNumberOnFileButAWrongOneIsRefusedAsOnTheForm() {
		assertThat(parse("王五", "专家", "", "", "", "138****5678").details().phone()).isNull();
		assertThat(parse("王五", "专家", "", "", "", "0477-1234567")).isNull();
		assertThat(errors()).containsExactly("手机号 inspector.phone.invalid []");
	}

	@Test
	void conversionErrorsAreAllReportedAtTheirColumns() {
		assertThat(parse("赵六", "临时工", "", "火星区", "出差", "", "", "ZF-2", "驾驶证", "市政府", "2026-02-30", "SCJG-1，代码!"))
			.isNull();
		assertThat(errors()).containsExactly("人员类别 inspector.import.kind.unknown [临时工]",
				"行政区划 inspector.import.region.unknown [火星区]", "状态 inspector.import.status.unknown [出差]",
				"可检查事项 inspector.item.code.invalid [代码!]", "证件类型 inspector.import.certificateKind.unknown [驾驶证]",
				"有效期至 inspector.import.date.invalid [2026-02-30]");
	}

	@Test
	void theFormsRulesRefuseTheRowWithTheFormsKeys() {
		assertThat(parse("", "执法人员")).isNull();
		assertThat(parse("钱七", "")).isNull();
		assertThat(parse("孙八", "执法人员", "", "", "", "", "", "ZF-3", "", "", "")).isNull();
		assertThat(parse("周九", "执法人员", "", "", "", "", "", "ZF-4", "行政执法证", "x".repeat(101), "2028-01-01"))
			.isNull();
		assertThat(errors()).containsExactly("姓名 inspector.name.required []", "人员类别 inspector.kind.required []",
				"证件类型 inspector.certificate.kind.required []", "发证机关 inspector.certificate.issuingBody.tooLong [100]");
	}

	@Test
	void anExpiredCertificateIsDataNotAnError() {
		var row = parse("吴十", "执法人员", "", "", "", "", "", "ZF-5", "执法证", "市政府", "2001/1/31");
		assertThat(errors()).isEmpty();
		assertThat(row.certificate().validUntil()).isEqualTo(LocalDate.of(2001, 1, 31));
	}

	@Test
	void theHeaderTakesEnglishAliasesAndRefusesUnknownOrMissingColumns() {
		assertThat(InspectorImport.HEADER.map(List.of("Name", "kind", "证件编号"))).containsEntry("姓名", 0)
			.containsEntry("人员类别", 1)
			.containsEntry("证件编号", 2);
		assertThatThrownBy(() -> InspectorImport.HEADER.map(List.of("姓名", "所属部门", "人员类别")))
			.isInstanceOfSatisfying(SpreadsheetException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("inspector.import.header.unknown"));
		assertThatThrownBy(() -> InspectorImport.HEADER.map(List.of("姓名")))
			.isInstanceOfSatisfying(SpreadsheetException.class, ex -> {
				assertThat(ex.messageKey()).isEqualTo("inspector.import.header.missing");
				assertThat(ex.arguments()).containsExactly("人员类别");
			});
	}

	@Test
	void anExportRowMasksThePhoneAndReadsBackAsTheSamePerson() {
		Inspector person = new Inspector(new InspectorDetails("郑一", InspectorKind.OFFICER, "一科", "150624",
				InspectorStatus.ON_LEAVE, "13812345678", false, "食品", null, Set.of("计量", "广告")), 1L, Instant.EPOCH);
		person.addCertificate(new NewCertificate("ZF-OLD", CertificateKind.ENFORCEMENT, "市政府", LocalDate.of(2020, 1, 1)),
				Instant.EPOCH);
		person.addCertificate(new NewCertificate("ZF-NEW", CertificateKind.ENFORCEMENT, "市政府", LocalDate.of(2029, 1, 1)),
				Instant.EPOCH);
		person.addItem("SCJG-002", Instant.EPOCH);
		List<String> cells = InspectorImport.cells(person, Map.of("150624", "鄂托克旗"));
		assertThat(cells).containsExactly("郑一", "执法人员", "一科", "鄂托克旗", "休假", "138****5678", "食品", "ZF-NEW",
				"行政执法证", "市政府", "2029-01-01", "SCJG-002", "广告、计量");
		var row = parse(cells.toArray(String[]::new));
		assertThat(errors()).isEmpty();
		assertThat(row.details().phone()).as("kept on file").isNull();
		assertThat(row.details().status()).isEqualTo(InspectorStatus.ON_LEAVE);
	}

}
