package org.doublerandom.inspection.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.doublerandom.inspection.shared.DomainException;

/**
 * 一业一册: for one industry (GB/T 4754-2017 section), the items of several departments that a joint check of
 * that industry covers, so an enterprise is visited once for all of them (进一家门、查多项事).
 */
@Entity
@Table(name = "item_booklet")
public class ItemBooklet {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String industrySection;

	private String description;

	@Enumerated(EnumType.STRING)
	private BookletStatus status;

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private Instant publishedAt;

	// a booklet is small and always shown with its items
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "item_booklet_item", joinColumns = @JoinColumn(name = "item_booklet_id"))
	@OrderColumn(name = "position")
	private List<BookletItemRef> items = new ArrayList<>();

	@Version
	private long version;

	protected ItemBooklet() {
	}

	ItemBooklet(BookletDetails details, String createdBy, Instant at) {
		this.status = BookletStatus.DRAFT;
		this.createdBy = Objects.requireNonNull(createdBy);
		this.createdAt = Objects.requireNonNull(at);
		revise(details, at);
	}

	void revise(BookletDetails details, Instant at) {
		if (details.name() == null || details.name().isBlank()) {
			throw new DomainException("item.booklet.refused.nameRequired", "name");
		}
		if (details.industrySection() == null || !details.industrySection().matches("[A-T]")) {
			throw new DomainException("item.booklet.refused.industry", "industrySection");
		}
		this.name = details.name().strip();
		this.industrySection = details.industrySection();
		this.description = WorkRules.blankToNull(details.description());
		this.items.clear();
		this.items.addAll(new LinkedHashSet<>(details.items()));
		this.updatedAt = Objects.requireNonNull(at);
	}

	/** A booklet is published once it names at least one item; edits afterwards keep it published. */
	void publish(Instant at) {
		if (this.status == BookletStatus.PUBLISHED) {
			throw new DomainException("item.booklet.refused.alreadyPublished", null);
		}
		if (this.items.isEmpty()) {
			throw new DomainException("item.booklet.refused.noItems", null);
		}
		this.status = BookletStatus.PUBLISHED;
		this.publishedAt = at;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getIndustrySection() {
		return this.industrySection;
	}

	public String getDescription() {
		return this.description;
	}

	public BookletStatus getStatus() {
		return this.status;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public List<BookletItemRef> getItems() {
		return List.copyOf(this.items);
	}

}
