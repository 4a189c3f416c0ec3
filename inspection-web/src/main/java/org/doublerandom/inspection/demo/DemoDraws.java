package org.doublerandom.inspection.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doublerandom.inspection.draw.DrawCeremonyService;
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
import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.TaskDescription;
import org.doublerandom.inspection.task.TaskService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo draws, on a joint plan of last year's fourth quarter of their own (this year's demo tasks stay ready to
 * draw): one task drawn to the end (committed an hour ago, with a synthetic drand value that every page marks
 * as a demo value) and one committed now, waiting for its drand round. Idempotent: a year with the plan is
 * left alone.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(50)
class DemoDraws implements ApplicationRunner {

	private static final Map<CreditBand, Sampling> BY_RISK = Map.of(CreditBand.A, Sampling.rate(300), CreditBand.B,
			Sampling.rate(500), CreditBand.C, Sampling.rate(1000), CreditBand.D, Sampling.rate(2000));

	private final DrawCeremonyService ceremony;

	private final PlanService plans;

	private final TaskService tasks;

	private final OrganizationService organization;

	private final Clock clock;

	DemoDraws(DrawCeremonyService ceremony, PlanService plans, TaskService tasks, OrganizationService organization,
			Clock clock) {
		this.ceremony = ceremony;
		this.plans = plans;
		this.tasks = tasks;
		this.organization = organization;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		int year = LocalDate.now(this.clock).getYear() - 1;
		Long scjg = department("SCJG");
		if (this.plans.exists(PlanType.JOINT, year, scjg)) {
			return;
		}
		Long wsjk = department("WSJK");
		Long sthj = department("STHJ");
		LocalDate from = LocalDate.of(year, 10, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		Map<Long, Integer> three = new LinkedHashMap<>();
		three.put(scjg, 2);
		three.put(wsjk, 1);
		three.put(sthj, 1);
		EntryDetails catering = new EntryDetails("餐饮服务单位第四季度跨部门联合检查（演示）", Selection.UNDIRECTED,
				ImplementationLevel.CITY_COUNTY, from, to, scjg, three,
				List.of(scjg + ":D:SCJG-002", wsjk + ":D:WSJK-001", sthj + ":D:STHJ-002"),
				EnumSet.of(InspectionMethod.ON_SITE), new TargetScope(Set.of(TargetKind.ENTERPRISE,
						TargetKind.INDIVIDUAL_BUSINESS), Set.of(), Set.of("H"), Set.of(), Set.of(TargetStatus.ACTIVE), Set.of(),
						Set.of(), false),
				12, BY_RISK, RoundingRule.CEILING, null);
		Map<Long, Integer> two = new LinkedHashMap<>();
		two.put(scjg, 1);
		two.put(wsjk, 1);
		EntryDetails lodging = new EntryDetails("住宿场所第四季度食品安全与公共场所卫生联合检查（演示）", Selection.UNDIRECTED,
				ImplementationLevel.CITY_COUNTY, from, to, scjg, two, List.of(scjg + ":D:SCJG-001", wsjk + ":D:WSJK-001"),
				EnumSet.of(InspectionMethod.ON_SITE), new TargetScope(Set.of(), Set.of(), Set.of("H"), Set.of(),
						Set.of(), Set.of(), Set.of(), false),
				12, BY_RISK, RoundingRule.CEILING, null);
		Plan plan = this.plans.provisionPublished(PlanType.JOINT, year, scjg, year + "年度第四季度部门联合双随机抽查计划（演示）",
				List.of(catering, lodging));
		Task drawn = task(plan.getEntries().get(0), "全市住宿和餐饮业企业和个体工商户。", "食品经营许可；公共场所卫生；饮食业油烟排放。");
		this.ceremony.provisionDemo(drawn.getId(), true);
		Task waiting = task(plan.getEntries().get(1), "全市住宿和餐饮业经营单位（含已注销的，预查时排除）。", "食品经营；公共场所卫生。");
		this.ceremony.provisionDemo(waiting.getId(), false);
	}

	private Task task(PlanEntry entry, String targets, String content) {
		return this.tasks.provision(entry.getId(), new TaskDescription(entry.getName(), "《" + entry.getName() + "》所属计划", "全市",
				targets, content, "实地检查。", "执法检查人员随机匹配，一次进门完成各部门事项（演示）。", entry.getPeriodFrom(),
				entry.getPeriodTo()));
	}

	private Long department(String code) {
		return this.organization.departmentByCode(code)
			.map(Department::getId)
			.orElseThrow(() -> new NotFoundException("department", code));
	}

}
