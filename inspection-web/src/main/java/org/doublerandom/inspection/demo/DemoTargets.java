package org.doublerandom.inspection.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.target.CodeType;
import org.doublerandom.inspection.target.CreditClass;
import org.doublerandom.inspection.target.TargetData;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.target.TargetRules;
import org.doublerandom.inspection.target.TargetService;
import org.doublerandom.inspection.target.TargetStatus;
import org.doublerandom.inspection.target.UnifiedSocialCreditCode;
import org.doublerandom.inspection.target.ValidTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * About five thousand fictitious targets ("演示" names, valid check characters) spread over the nine
 * banners/districts, the credit classes and Ordos-like industries, in the registries of several departments.
 * The same every time: each field is a fixed function of the row number.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(20)
class DemoTargets implements ApplicationRunner {

	static final int MARKET_ENTITIES = 5000;

	private static final Logger LOG = LoggerFactory.getLogger(DemoTargets.class);

	private static final String[] REGIONS = { "150602", "150602", "150602", "150603", "150621", "150622", "150622",
			"150623", "150624", "150625", "150626", "150627", "150627" };

	/** Division code, Chinese business word, share weight: retail, catering, coal, construction, ... */
	private static final String[][] INDUSTRIES = { { "52", "商贸", "5" }, { "62", "餐饮", "4" }, { "51", "商贸", "2" },
			{ "06", "煤业", "2" }, { "48", "建设工程", "2" }, { "54", "运输", "2" }, { "61", "酒店", "1" },
			{ "26", "化工", "1" }, { "44", "电力", "1" }, { "14", "食品", "1" }, { "84", "诊所", "1" },
			{ "72", "商务咨询", "1" }, { "80", "家政服务", "1" }, { "81", "汽车修理", "1" }, { "65", "信息技术", "1" },
			{ "03", "畜牧", "1" }, { "30", "建材", "1" }, { "70", "置业", "1" } };

	private static final String[] NAME_WORDS = { "恒通", "鑫源", "瑞丰", "金泰", "华润", "博远", "天成", "宏达", "永盛", "嘉禾",
			"蒙源", "草原", "银河", "广厦", "顺达", "安康", "福瑞", "兴隆", "泰和", "明德" };

	private static final CreditClass[] CREDIT = { CreditClass.A, CreditClass.A, CreditClass.A, CreditClass.B,
			CreditClass.B, CreditClass.B, CreditClass.B, CreditClass.B, CreditClass.C, CreditClass.D };

	private final TargetService targets;

	private final OrganizationService organization;

	DemoTargets(TargetService targets, OrganizationService organization) {
		this.targets = targets;
		this.organization = organization;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.targets.count() > 0) {
			return;
		}
		TargetRules rules = this.targets.rules();
		List<ValidTarget> all = new ArrayList<>();
		for (int i = 0; i < MARKET_ENTITIES; i++) {
			all.add(marketEntity(i, rules));
		}
		for (int i = 0; i < 120; i++) {
			all.add(otherTarget(i));
		}
		Map<String, Predicate<ValidTarget>> registries = Map.of("SCJG", t -> t.data().kind().isMarketEntity() || t.data().kind() == TargetKind.PRODUCT, "WSJK",
				t -> Set.of("H", "Q").contains(String.valueOf(t.industrySectionCode())), "STHJ",
				t -> Set.of("B", "C", "D").contains(String.valueOf(t.industrySectionCode()))
						|| t.data().kind() == TargetKind.SITE || t.data().kind() == TargetKind.PROJECT,
				"DS-SCJG", t -> t.data().kind().isMarketEntity() && "150602".equals(t.data().regionCode()));
		registries.forEach((code, belongs) -> this.targets.provision(all.stream().filter(belongs).toList(),
				department(code).getId()));
		LOG.info("Demo targets: {} in the registry", this.targets.count());
	}

	static ValidTarget marketEntity(int i, TargetRules rules) {
		int h = mix(i);
		String region = REGIONS[h % REGIONS.length];
		String[] industry = industry(mix(h));
		TargetKind kind = (i % 20 < 14) ? TargetKind.ENTERPRISE
				: (i % 20 < 19) ? TargetKind.INDIVIDUAL_BUSINESS : TargetKind.FARMERS_COOPERATIVE;
		String type = switch (kind) {
			case ENTERPRISE -> "91";
			case INDIVIDUAL_BUSINESS -> "92";
			default -> "93";
		};
		String first17 = type + region + "MA" + base31(i, 7);
		String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
		String word = NAME_WORDS[(h >>> 4) % NAME_WORDS.length] + NAME_WORDS[(h >>> 9) % NAME_WORDS.length];
		String name = switch (kind) {
			case ENTERPRISE -> "演示·鄂尔多斯市" + word + industry[1] + "有限公司" + (i % 7 == 0 ? "（分公司" + (i % 5 + 1) + "）" : "");
			// 个体工商户 are named …店, but not 酒店店 or 商店店
			case INDIVIDUAL_BUSINESS -> "演示·" + word + industry[1] + (industry[1].endsWith("店") ? "" : "店") + (i % 97);
			default -> "演示·" + word + "农牧业专业合作社";
		};
		CreditClass credit = (kind == TargetKind.INDIVIDUAL_BUSINESS && h % 3 == 0) ? null : CREDIT[(h >>> 13) % 10];
		TargetStatus status = (h % 50 == 0) ? TargetStatus.DEREGISTERED
				: (h % 73 == 0) ? TargetStatus.REVOKED : (h % 97 == 0) ? TargetStatus.SUSPENDED : TargetStatus.ACTIVE;
		LocalDate established = LocalDate.of(2000, 1, 1).plusDays(h % 9000);
		TargetData data = new TargetData(kind, code, name, region, "演示地址·" + word + "路" + (i % 300 + 1) + "号",
				industry[0], "鄂尔多斯市市场监督管理局", established, status, h % 31 == 0, credit,
				(credit != null) ? LocalDate.of(2026, 3, 31) : null, (credit != null) ? "企业信用风险分类管理系统" : null,
				h % 19 == 0, (h % 11 == 0) ? Set.of("食品安全") : (h % 13 == 0) ? Set.of("特种设备") : Set.of());
		return new ValidTarget(CodeType.USCC, code, data, rules.sectionOf(industry[0]));
	}

	static ValidTarget otherTarget(int i) {
		TargetKind kind = switch (i % 3) {
			case 0 -> TargetKind.PROJECT;
			case 1 -> TargetKind.SITE;
			default -> TargetKind.PRODUCT;
		};
		String prefix = switch (kind) {
			case PROJECT -> "XM";
			case SITE -> "CS";
			default -> "CP";
		};
		String code = prefix + "-2026-" + String.format("%04d", i + 1);
		String name = switch (kind) {
			case PROJECT -> "演示·第" + (i + 1) + "号建设项目";
			case SITE -> "演示·第" + (i + 1) + "号公共场所";
			default -> "演示·第" + (i + 1) + "批次抽检产品";
		};
		TargetData data = new TargetData(kind, code, name, REGIONS[i % REGIONS.length], null, null, null, null,
				TargetStatus.ACTIVE, false, null, null, null, false, Set.of());
		return new ValidTarget(CodeType.OTHER, code, data, null);
	}

	private static String[] industry(int h) {
		int total = 0;
		for (String[] row : INDUSTRIES) {
			total += Integer.parseInt(row[2]);
		}
		int pick = h % total;
		for (String[] row : INDUSTRIES) {
			pick -= Integer.parseInt(row[2]);
			if (pick < 0) {
				return row;
			}
		}
		return INDUSTRIES[0];
	}

	/** A fixed scrambling of the row number (Knuth's multiplicative hash), so neighbours differ. */
	static int mix(int i) {
		return (int) (((i + 1) * 2654435761L) >>> 3) & 0x7fffffff;
	}

	static String base31(int value, int width) {
		StringBuilder s = new StringBuilder();
		int v = value;
		for (int k = 0; k < width; k++) {
			s.insert(0, "0123456789ABCDEFGHJKLMNPQRTUWXY".charAt(v % 31));
			v /= 31;
		}
		return s.toString();
	}

	private Department department(String code) {
		return this.organization.departmentByCode(code).orElseThrow(() -> new NotFoundException("department", code));
	}

}
