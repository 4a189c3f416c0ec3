package org.doublerandom.inspection.item;

import java.util.List;
import java.util.Set;

import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.target.TargetKind;

/** Test data: items and rules that satisfy every rule unless a test changes them. */
final class Items {

	private Items() {
	}

	static ItemDetails item(String code, String name) {
		return new ItemDetails(code, name, null, "《企业信息公示暂行条例》第十条", "市市场监管局", ItemCategory.GENERAL, "不高于3%",
				"每年1次", null, null, null, 1, null, null, null, null, Set.of(TargetKind.ENTERPRISE),
				Set.of(InspectionMethod.DOCUMENTARY), List.of("年度报告公示情况", " ", "即时信息公示情况"));
	}

	static WorkRules rules() {
		return new WorkRules("平台随机抽取，摇号结果留存", null, "分管局领导审批", "抽查结果20个工作日内公示", "一户一档");
	}

}
