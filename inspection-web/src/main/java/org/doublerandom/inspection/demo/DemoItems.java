package org.doublerandom.inspection.demo;

import java.util.List;
import java.util.Set;

import org.doublerandom.inspection.item.BookletDetails;
import org.doublerandom.inspection.item.BookletItemRef;
import org.doublerandom.inspection.item.ItemBookletService;
import org.doublerandom.inspection.item.ItemCategory;
import org.doublerandom.inspection.item.ItemDetails;
import org.doublerandom.inspection.item.ItemListService;
import org.doublerandom.inspection.item.WorkRules;
import org.doublerandom.inspection.organization.Department;
import org.doublerandom.inspection.organization.OrganizationService;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.target.TargetKind;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.doublerandom.inspection.result.InspectionMethod.DOCUMENTARY;
import static org.doublerandom.inspection.result.InspectionMethod.ONLINE_MONITORING;
import static org.doublerandom.inspection.result.InspectionMethod.ON_SITE;
import static org.doublerandom.inspection.result.InspectionMethod.TESTING;
import static org.doublerandom.inspection.target.TargetKind.ENTERPRISE;
import static org.doublerandom.inspection.target.TargetKind.FARMERS_COOPERATIVE;
import static org.doublerandom.inspection.target.TargetKind.INDIVIDUAL_BUSINESS;
import static org.doublerandom.inspection.target.TargetKind.PRODUCT;
import static org.doublerandom.inspection.target.TargetKind.PUBLIC_INSTITUTION;
import static org.doublerandom.inspection.target.TargetKind.SITE;

/**
 * Demo 抽查事项清单: published lists of the market-regulation bureau, the health commission and the ecology
 * bureau, the joint list, a draft revision of the bureau's list, and one 一业一册 booklet. The legal bases
 * are real; the lists are illustrations (演示), not any department's published list. Idempotent: a list
 * that exists is left as it is.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(10)
class DemoItems implements ApplicationRunner {

	static final String BOOKLET = "餐饮业（演示）";

	private final OrganizationService organization;

	private final ItemListService items;

	private final ItemBookletService booklets;

	DemoItems(OrganizationService organization, ItemListService items, ItemBookletService booklets) {
		this.organization = organization;
		this.items = items;
		this.booklets = booklets;
	}

	@Override
	public void run(ApplicationArguments args) {
		Long scjg = department("SCJG");
		Long wsjk = department("WSJK");
		Long sthj = department("STHJ");
		if (!this.items.exists(scjg, false)) {
			this.items.provisionPublished(scjg, false, "首次编制（演示）", rules("市市场监管局"), marketRegulation());
			// a revision in progress, as a department adjusting its list after a change in the law would have
			this.items.provisionDraft(scjg, false, "根据法规立改废释动态调整（演示）");
		}
		if (!this.items.exists(wsjk, false)) {
			this.items.provisionPublished(wsjk, false, "首次编制（演示）", rules("市卫生健康委"), health());
		}
		if (!this.items.exists(sthj, false)) {
			this.items.provisionPublished(sthj, false, "首次编制（演示）", rules("市生态环境局"), ecology());
		}
		if (!this.items.exists(scjg, true)) {
			this.items.provisionPublished(scjg, true, "首次编制（演示）", jointRules(), joint());
		}
		if (!this.booklets.exists(BOOKLET)) {
			this.booklets.provisionPublished(new BookletDetails(BOOKLET, "H",
					"餐馆、小吃店、集体食堂等餐饮服务单位一次进门需要检查的事项（演示）。",
					List.of(new BookletItemRef(scjg, false, "SCJG-002"), new BookletItemRef(scjg, false, "SCJG-001"),
							new BookletItemRef(sthj, false, "STHJ-002"), new BookletItemRef(scjg, true, "LH-001"))));
		}
	}

	private Long department(String code) {
		return this.organization.departmentByCode(code)
			.map(Department::getId)
			.orElseThrow(() -> new NotFoundException("department", code));
	}

	static WorkRules rules(String department) {
		return new WorkRules(
				"通过部门协同监管平台（内蒙古）从检查对象名录库和执法检查人员名录库中随机抽取，抽取过程全程记录、结果不得擅自更改（演示）。",
				"制定抽查工作方案→随机抽取→告知被检查对象→实施检查→录入检查结果→后续处置（演示）。",
				department + "分管领导审批抽查工作方案；检查人员回避由科室负责人审批（演示）。",
				"抽查计划于实施前公示；检查结果于检查完成之日起20个工作日内通过国家企业信用信息公示系统公示（演示）。",
				"一户一档，纸质材料与电子记录同步归档，保存期限不少于5年（演示）。");
	}

	static WorkRules jointRules() {
		return new WorkRules("按《鄂尔多斯市市场监管领域部门联合“双随机、一公开”抽查工作细则》（鄂双办发〔2022〕5号），由牵头部门统一抽取检查对象，各参与部门分别抽取本部门执法检查人员（演示）。",
				"牵头部门制定联合抽查方案，参与部门会签后实施，做到“进一家门、查多项事”（演示）。", "联合抽查方案由市“双随机、一公开”监管工作联席会议办公室审批（演示）。",
				"联合抽查结果由各部门分别录入，统一公示（演示）。", "牵头部门汇总归档，参与部门各自留存（演示）。");
	}

	static ItemDetails item(String code, String name, String basis, String inspecting, ItemCategory category,
			String ratio, Set<TargetKind> kinds, Set<InspectionMethod> methods, String guideMethod,
			List<String> checkpoints) {
		return new ItemDetails(code, name, null, basis, inspecting, category, ratio, "每年不少于1次",
				"对照检查要点逐项检查，如实记录检查情况。", "持有行政执法证件，不少于2人，与检查对象有利害关系的回避。", "演示数据", 0,
				"见检查要点。", guideMethod, basis, "检查结果在检查完成后20个工作日内录入平台并公示。", kinds, methods, checkpoints);
	}

	static List<ItemDetails> marketRegulation() {
		return List.of(
				item("SCJG-001", "企业公示信息情况检查", "《企业信息公示暂行条例》第十四条；《农民专业合作社年度报告公示办法》", "市、旗区市场监督管理局",
						ItemCategory.GENERAL, "不高于辖区市场主体总数的3%", Set.of(ENTERPRISE, FARMERS_COOPERATIVE),
						Set.of(DOCUMENTARY, ON_SITE, ONLINE_MONITORING), "书面检查为主，必要时实地核查。",
						List.of("年度报告公示信息的真实性", "即时信息公示的及时性和真实性", "通过登记的住所或经营场所能否联系", "股东或发起人认缴和实缴出资信息",
								"行政许可取得、变更、延续信息")),
				item("SCJG-002", "食品经营许可检查", "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
						"市、旗区市场监督管理局", ItemCategory.KEY, "根据风险等级确定，不设上限", Set.of(ENTERPRISE, INDIVIDUAL_BUSINESS),
						Set.of(ON_SITE, DOCUMENTARY), "实地检查经营场所，查阅许可证和相关记录。",
						List.of("持有有效的食品经营许可证并在显著位置公示", "实际经营项目与许可项目一致", "经营场所与许可地址一致",
								"从业人员持有有效健康证明", "进货查验和记录制度落实情况")),
				item("SCJG-003", "产品质量监督抽查", "《中华人民共和国产品质量法》第十五条；《产品质量监督抽查管理暂行办法》",
						"市市场监督管理局", ItemCategory.KEY, "按年度产品质量监督抽查计划确定", Set.of(PRODUCT, ENTERPRISE),
						Set.of(TESTING, ON_SITE), "现场抽样，委托具备资质的检验机构检验。",
						List.of("抽样程序和样品封存符合规定", "产品标识标注符合要求", "检验结果及复检告知", "不合格产品的处置和后处理")));
	}

	static List<ItemDetails> health() {
		return List.of(
				item("WSJK-001", "公共场所卫生监督检查", "《公共场所卫生管理条例》；《公共场所卫生管理条例实施细则》", "市卫生健康综合行政执法支队",
						ItemCategory.GENERAL, "不高于5%", Set.of(ENTERPRISE, INDIVIDUAL_BUSINESS, SITE), Set.of(ON_SITE, TESTING),
						"实地检查，必要时现场快速检测。",
						List.of("持有有效的公共场所卫生许可证", "从业人员持有有效健康合格证明", "建立卫生管理制度和档案", "公共用品用具清洗消毒情况",
								"空气、水质等卫生检测情况")),
				item("WSJK-002", "医疗机构依法执业检查", "《医疗机构管理条例》；《医疗废物管理条例》", "市卫生健康综合行政执法支队", ItemCategory.KEY,
						"根据风险等级确定，不设上限", Set.of(PUBLIC_INSTITUTION, ENTERPRISE), Set.of(ON_SITE, DOCUMENTARY),
						"实地检查，查阅执业资质和医疗文书。",
						List.of("医疗机构执业许可证按期校验", "医师、护士执业资质", "未超出核准登记的诊疗科目执业", "医疗废物分类收集和处置")));
	}

	static List<ItemDetails> ecology() {
		return List.of(
				item("STHJ-001", "排污许可执行情况检查", "《排污许可管理条例》", "市生态环境局及各旗区分局", ItemCategory.KEY, "重点排污单位不低于25%",
						Set.of(ENTERPRISE), Set.of(ON_SITE, ONLINE_MONITORING, TESTING), "现场检查结合在线监控数据核查。",
						List.of("依证排污，排放口设置规范", "按规定开展自行监测", "环境管理台账记录", "按时提交排污许可证执行报告",
								"污染防治设施正常运行")),
				item("STHJ-002", "饮食业油烟排放检查", "《中华人民共和国大气污染防治法》第八十一条", "市生态环境局及各旗区分局", ItemCategory.GENERAL,
						"不高于3%", Set.of(ENTERPRISE, INDIVIDUAL_BUSINESS), Set.of(ON_SITE), "实地检查油烟净化设施。",
						List.of("安装油烟净化设施", "油烟净化设施正常使用", "清洗维护记录", "排放口位置符合要求")));
	}

	static List<ItemDetails> joint() {
		return List.of(
				item("LH-001", "餐饮服务单位跨部门联合检查", "《中华人民共和国食品安全法》；《中华人民共和国大气污染防治法》第八十一条",
						"牵头：市市场监督管理局；参与：市生态环境局", ItemCategory.KEY, "按年度联合抽查计划确定",
						Set.of(ENTERPRISE, INDIVIDUAL_BUSINESS), Set.of(ON_SITE), "各部门同时进场，分别检查本部门事项。",
						List.of("食品经营许可及公示", "从业人员健康证明", "油烟净化设施安装和使用", "检查结果互认、分别录入")),
				item("LH-002", "住宿业公共场所跨部门联合检查", "《公共场所卫生管理条例》；《企业信息公示暂行条例》",
						"牵头：市市场监督管理局；参与：市卫生健康委员会", ItemCategory.GENERAL, "不高于3%", Set.of(ENTERPRISE, INDIVIDUAL_BUSINESS),
						Set.of(ON_SITE, DOCUMENTARY), "联合进场检查，一次完成。",
						List.of("企业公示信息情况", "公共场所卫生许可证", "公共用品用具清洗消毒", "从业人员健康合格证明")));
	}

}
