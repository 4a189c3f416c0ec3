package org.doublerandom.inspection.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.doublerandom.inspection.inspector.CertificateKind;
import org.doublerandom.inspection.inspector.InspectorDetails;
import org.doublerandom.inspection.inspector.InspectorKind;
import org.doublerandom.inspection.inspector.InspectorService;
import org.doublerandom.inspection.inspector.InspectorStatus;
import org.doublerandom.inspection.inspector.NewCertificate;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.target.TargetRules;
import org.doublerandom.inspection.target.TargetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * About sixty fictitious people in the inspector registries (执法检查人员名录库) of four departments, so that the
 * list, its filters and the eligibility badges have something to show: a few experts, a few expired certificates,
 * a few people on leave. Idempotent (skips names already present). No conflicts: demo targets come later.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(30)
class DemoInspectors implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoInspectors.class);

	record DemoDepartment(String code, int people, String itemPrefix, List<String> units, List<String> expertise) {
	}

	static final List<DemoDepartment> DEPARTMENTS = List.of(
			new DemoDepartment("SCJG", 18, "SCJG",
					List.of("食品经营监管科", "特种设备安全监察科", "产品质量监督科", "价格监督检查和反不正当竞争科"),
					List.of("食品安全", "特种设备", "产品质量", "价格", "广告", "计量")),
			new DemoDepartment("WSJK", 14, "WSJK", List.of("公共卫生监督科", "医疗卫生监督科", "职业卫生监督科"),
					List.of("公共场所卫生", "医疗机构", "职业卫生", "生活饮用水")),
			new DemoDepartment("STHJ", 14, "STHJ", List.of("生态环境执法一支队", "生态环境执法二支队"),
					List.of("大气污染防治", "水污染防治", "危险废物", "排污许可")),
			new DemoDepartment("DS-SCJG", 12, "DS-SCJG", List.of("林荫市场监管所", "富兴市场监管所", "天骄市场监管所"),
					List.of("食品安全", "特种设备", "网络交易")));

	private final InspectorService inspectors;

	private final OrganizationService organization;

	private final Clock clock;

	private final TargetService targets;

	DemoInspectors(InspectorService inspectors, OrganizationService organization, TargetService targets,
			Clock clock) {
		this.inspectors = inspectors;
		this.organization = organization;
		this.targets = targets;
		this.clock = clock;
	}


	@Override
	public void run(ApplicationArguments args) {
		LocalDate today = LocalDate.now(this.clock);
		TargetRules rules = this.targets.rules();
		boolean targetsLoaded = this.targets.count() >= DemoTargets.MARKET_ENTITIES;
		int number = 0;
		int added = 0;
		for (DemoDepartment demo : DEPARTMENTS) {
			Department department = this.organization.departmentByCode(demo.code()).orElse(null);
			if (department == null) {
				continue;
			}
			for (int k = 0; k < demo.people(); k++) {
				number++;
				boolean expert = k % 7 == 6;
				String name = String.format(expert ? "演示·专家%03d" : "演示·检查员%03d", number);
				if (this.inspectors.provisioned(department.getId(), name)) {
					continue;
				}
				var inspector = this.inspectors.provision(department.getId(),
						details(demo, department, name, number, k, expert), certificates(demo, number, k, expert, today),
						items(demo, k));
				if (k % 5 == 1 && targetsLoaded) {
					// 回避: a few officers declared a relative working at a demo business
					this.inspectors.provisionConflict(inspector.getId(),
							DemoTargets.marketEntity((number * 37) % DemoTargets.MARKET_ENTITIES, rules).code(),
							"演示：亲属在该企业任职");
				}
				added++;
			}
		}
		if (added > 0) {
			LOG.info("Demo mode: {} inspectors added to the registries of {} departments", added, DEPARTMENTS.size());
		}
	}

	private static InspectorDetails details(DemoDepartment demo, Department department, String name, int number, int k,
			boolean expert) {
		InspectorStatus status = (k % 9 == 4) ? InspectorStatus.ON_LEAVE : InspectorStatus.ACTIVE;
		// obviously fictitious numbers: 139 0000 NNNN
		String phone = (k % 3 == 2) ? null : String.format("1390000%04d", number);
		Set<String> expertise = Set.of(demo.expertise().get(k % demo.expertise().size()),
				demo.expertise().get((k + 2) % demo.expertise().size()));
		return new InspectorDetails(name, expert ? InspectorKind.EXPERT : InspectorKind.OFFICER,
				expert ? "（外聘）" + demo.units().get(0) : demo.units().get(k % demo.units().size()),
				department.getRegionCode(), status, phone, false,
				expert ? "演示：检测机构高级工程师" : "演示：具有行政执法资格", null, expertise);
	}

	private static List<NewCertificate> certificates(DemoDepartment demo, int number, int k, boolean expert,
			LocalDate today) {
		List<NewCertificate> certificates = new ArrayList<>();
		if (expert) {
			certificates.add(new NewCertificate(String.format("DEMO-ZY-%s-%03d", demo.code(), number),
					CertificateKind.PROFESSIONAL, "演示·某检测研究院", today.plusYears(2)));
			return certificates;
		}
		// a few expired enforcement certificates, so the registry shows officers who cannot be drawn
		LocalDate validUntil = (k % 8 == 3) ? today.minusDays(20 + k) : today.plusYears(1 + k % 3).withDayOfMonth(1);
		certificates.add(new NewCertificate(String.format("DEMO-ZF-%s-%03d", demo.code(), number),
				CertificateKind.ENFORCEMENT, "鄂尔多斯市人民政府（演示）", validUntil));
		return certificates;
	}

	private static List<String> items(DemoDepartment demo, int k) {
		List<String> items = new ArrayList<>();
		for (int n = 1; n <= 5; n++) {
			if (n == 1 || (k + n) % 3 != 0) {
				items.add(String.format("%s-%03d", demo.itemPrefix(), n));
			}
		}
		return items;
	}

}
