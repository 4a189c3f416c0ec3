package org.doublerandom.inspection.item;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.target.TargetKind;

/**
 * 抽查事项: one item of one list version. Its code stays the same across versions; plans and booklets refer
 * to it by (department, code). Changed only through its {@link ItemList}, and only while that is a draft.
 */
@Entity
@Table(name = "inspection_item")
public class InspectionItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "item_list_id")
	private ItemList list;

	private String code;

	private String name;

	private String subItems;

	private String legalBasis;

	private String inspectingDepartment;

	@Enumerated(EnumType.STRING)
	private ItemCategory category;

	private String samplingRatio;

	private String frequency;

	private String contentRequirements;

	private String inspectorRequirements;

	private String remarks;

	private int sortOrder;

	private String guideContent;

	private String guideMethod;

	private String guideBasis;

	private String guideRequirements;

	@ElementCollection
	@CollectionTable(name = "inspection_item_target_kind", joinColumns = @JoinColumn(name = "inspection_item_id"))
	@Column(name = "target_kind")
	@Enumerated(EnumType.STRING)
	private Set<TargetKind> targetKinds = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "inspection_item_method", joinColumns = @JoinColumn(name = "inspection_item_id"))
	@Column(name = "method")
	@Enumerated(EnumType.STRING)
	private Set<InspectionMethod> methods = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "inspection_item_checkpoint", joinColumns = @JoinColumn(name = "inspection_item_id"))
	@OrderColumn(name = "position")
	@Column(name = "text")
	private List<String> checkpoints = new ArrayList<>();

	@Version
	private long version;

	protected InspectionItem() {
	}

	InspectionItem(ItemList list, ItemDetails details) {
		this.list = list;
		apply(details);
	}

	void apply(ItemDetails details) {
		this.code = details.code().strip();
		this.name = details.name().strip();
		this.subItems = WorkRules.blankToNull(details.subItems());
		this.legalBasis = details.legalBasis().strip();
		this.inspectingDepartment = details.inspectingDepartment().strip();
		this.category = details.category();
		this.samplingRatio = WorkRules.blankToNull(details.samplingRatio());
		this.frequency = WorkRules.blankToNull(details.frequency());
		this.contentRequirements = WorkRules.blankToNull(details.contentRequirements());
		this.inspectorRequirements = WorkRules.blankToNull(details.inspectorRequirements());
		this.remarks = WorkRules.blankToNull(details.remarks());
		this.sortOrder = details.sortOrder();
		this.guideContent = WorkRules.blankToNull(details.guideContent());
		this.guideMethod = WorkRules.blankToNull(details.guideMethod());
		this.guideBasis = WorkRules.blankToNull(details.guideBasis());
		this.guideRequirements = WorkRules.blankToNull(details.guideRequirements());
		this.targetKinds.clear();
		this.targetKinds.addAll(details.targetKinds());
		this.methods.clear();
		this.methods.addAll(details.methods());
		this.checkpoints.clear();
		this.checkpoints.addAll(details.checkpoints());
	}

	/** The same item, as a command: what a new draft copies. */
	public ItemDetails details() {
		return new ItemDetails(this.code, this.name, this.subItems, this.legalBasis, this.inspectingDepartment,
				this.category, this.samplingRatio, this.frequency, this.contentRequirements, this.inspectorRequirements,
				this.remarks, this.sortOrder, this.guideContent, this.guideMethod, this.guideBasis,
				this.guideRequirements, this.targetKinds, this.methods, this.checkpoints);
	}

	public Long getId() {
		return this.id;
	}

	public ItemList getList() {
		return this.list;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getSubItems() {
		return this.subItems;
	}

	public String getLegalBasis() {
		return this.legalBasis;
	}

	public String getInspectingDepartment() {
		return this.inspectingDepartment;
	}

	public ItemCategory getCategory() {
		return this.category;
	}

	public String getSamplingRatio() {
		return this.samplingRatio;
	}

	public String getFrequency() {
		return this.frequency;
	}

	public String getContentRequirements() {
		return this.contentRequirements;
	}

	public String getInspectorRequirements() {
		return this.inspectorRequirements;
	}

	public String getRemarks() {
		return this.remarks;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public String getGuideContent() {
		return this.guideContent;
	}

	public String getGuideMethod() {
		return this.guideMethod;
	}

	public String getGuideBasis() {
		return this.guideBasis;
	}

	public String getGuideRequirements() {
		return this.guideRequirements;
	}

	/** In the enum's order, for stable display. */
	public List<TargetKind> getTargetKinds() {
		return this.targetKinds.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(this.targetKinds));
	}

	public List<InspectionMethod> getMethods() {
		return this.methods.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(this.methods));
	}

	public List<String> getCheckpoints() {
		return Collections.unmodifiableList(this.checkpoints);
	}

	static final Comparator<InspectionItem> ORDER = Comparator.comparingInt(InspectionItem::getSortOrder)
		.thenComparing(InspectionItem::getCode);

}
