package org.doublerandom.inspection.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.plan.CreditBand;
import org.doublerandom.inspection.plan.EntryDetails;
import org.doublerandom.inspection.plan.ImplementationLevel;
import org.doublerandom.inspection.plan.Plan;
import org.doublerandom.inspection.plan.PlanEntry;
import org.doublerandom.inspection.plan.PlanService;
import org.doublerandom.inspection.plan.PlanType;
import org.doublerandom.inspection.plan.RoundingRule;
import org.doublerandom.inspection.plan.Sampling;
import org.doublerandom.inspection.plan.Selection;
import org.doublerandom.inspection.plan.TargetScope;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.target.TargetKind;
import org.doublerandom.inspection.target.TargetStatus;
import org.doublerandom.inspection.task.TaskDescription;
import org.doublerandom.inspection.task.TaskService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo 年度抽查计划 of this year: the published joint plan of the market-regulation bureau, the health
 * commission and the ecology bureau (餐饮 and 住宿 checked in one visit), the health commission's published
 * department plan, and a task of each ready to draw. Idempotent: a year that has its plans is left alone.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(40)
class DemoPlans implements ApplicationRunner {

	private static final Map<CreditBand, Sampling> BY_RISK = Map.of(CreditBand.A, Sampling.rate(300), CreditBand.B,
			Sampling.rate(500), CreditBand.C, Sampling.rate(1000), CreditBand.D, Sampling.rate(2000));

	private final PlanService plans;

	private final TaskService tasks;

	private final OrganizationService organization;

	private final Clock clock;

	DemoPlans(PlanService plans, TaskService tasks, OrganizationService organization, Clock clock) {
		this.plans = plans;
		this.tasks = tasks;
		this.organization = organization;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		LocalDate today = LocalDate.now(this.clock);
		int year = today.getYear();
		LocalDate from = today;
		LocalDate to = LocalDate.of(year, 12, 31);
		Long scjg = department("SCJG");
		Long wsjk = department("WSJK");
		Long sthj = department("STHJ");
		if (!this.plans.exists(PlanType.JOINT, year, scjg)) {
			Map<Long, Integer> officers = new LinkedHashMap<>();
			officers.put(scjg, 2);
			officers.put(wsjk, 1);
			officers.put(sthj, 1);
			EntryDetails catering = new EntryDetails("餐饮服务单位跨部门联合检查（演示）", Selection.UNDIRECTED,
					ImplementationLevel.CITY_COUNTY, from, to, scjg, officers,
					List.of(scjg + ":D:SCJG-002", wsjk + ":D:WSJK-001", sthj + ":D:STHJ-002"),
					EnumSet.of(InspectionMethod.ON_SITE, InspectionMethod.DOCUMENTARY),
					new TargetScope(Set.of(TargetKind.ENTERPRISE, TargetKind.INDIVIDUAL_BUSINESS), Set.of(), Set.of("H"),
							Set.of(), Set.of(TargetStatus.ACTIVE), Set.of(), Set.of(), false),
					12, BY_RISK, RoundingRule.CEILING, null);
			Plan joint = this.plans.provisionPublished(PlanType.JOINT, year, scjg, year + "年度部门联合双随机抽查计划（演示）",
					List.of(catering));
			task(joint.getEntries().get(0), "《" + joint.getName() + "》；《中华人民共和国食品安全法》；《公共场所卫生管理条例》；《中华人民共和国大气污染防治法》第八十一条",
					"全市", "全市住宿和餐饮业企业和个体工商户，按信用风险分类确定抽查比例（A类3%、B类5%、C类10%、D类20%）。",
					"食品经营许可；公共场所卫生；饮食业油烟排放。");
		}
		if (!this.plans.exists(PlanType.DEPARTMENT, year, wsjk)) {
			EntryDetails hygiene = new EntryDetails("公共场所卫生监督抽查（演示）", Selection.UNDIRECTED,
					ImplementationLevel.CITY_CITY, from, to, wsjk, Map.of(wsjk, 2), List.of(wsjk + ":D:WSJK-001"),
					EnumSet.of(InspectionMethod.ON_SITE, InspectionMethod.TESTING),
					new TargetScope(Set.of(), Set.of(), Set.of("H", "Q"), Set.of(), Set.of(TargetStatus.ACTIVE), Set.of(),
							Set.of(), false),
					null, BY_RISK, RoundingRule.CEILING, null);
			Plan department = this.plans.provisionPublished(PlanType.DEPARTMENT, year, wsjk,
					year + "年度市卫生健康委双随机抽查计划（演示）", List.of(hygiene));
			task(department.getEntries().get(0), "《" + department.getName() + "》；《公共场所卫生管理条例》", "全市",
					"全市住宿业、卫生和社会工作业的公共场所经营单位。", "公共场所卫生许可、从业人员健康证明、公共用品用具消毒。");
		}
		if (!this.plans.exists(PlanType.DEPARTMENT, year, scjg)) {
			// the bureau's own plan, still a draft: 企业公示信息 of farmers' cooperatives (no other department plans them)
			EntryDetails disclosure = new EntryDetails("农民专业合作社公示信息抽查（演示）", Selection.UNDIRECTED,
					ImplementationLevel.COUNTY_COUNTY, from, to, scjg, Map.of(scjg, 2), List.of(scjg + ":D:SCJG-001"),
					EnumSet.of(InspectionMethod.DOCUMENTARY, InspectionMethod.ON_SITE),
					new TargetScope(Set.of(TargetKind.FARMERS_COOPERATIVE), Set.of(), Set.of("A"), Set.of(),
							Set.of(TargetStatus.ACTIVE), Set.of(), Set.of(), false),
					null, Map.of(CreditBand.A, Sampling.rate(200), CreditBand.B, Sampling.rate(300), CreditBand.C,
							Sampling.rate(500), CreditBand.D, Sampling.rate(1000), CreditBand.NONE, Sampling.rate(300)),
					RoundingRule.CEILING, null);
			this.plans.provisionDraft(PlanType.DEPARTMENT, year, scjg, year + "年度市市场监管局双随机抽查计划（演示）",
					List.of(disclosure));
		}
	}

	private void task(PlanEntry entry, String basis, String region, String targets, String content) {
		this.tasks.provision(entry.getId(), new TaskDescription(entry.getName(), basis, region, targets, content,
				"实地检查为主，必要时书面检查、检验检测。", "执法检查人员随机匹配，一次进门完成各部门事项；检查结果于20个工作日内录入并公示（演示）。",
				entry.getPeriodFrom(), entry.getPeriodTo()));
	}

	private Long department(String code) {
		return this.organization.departmentByCode(code)
			.map(Department::getId)
			.orElseThrow(() -> new NotFoundException("department", code));
	}

}
