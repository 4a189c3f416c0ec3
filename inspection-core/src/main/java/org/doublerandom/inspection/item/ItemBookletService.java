package org.doublerandom.inspection.item;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.doublerandom.inspection.audit.AuditTrail;
import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.CurrentActor;
import org.doublerandom.inspection.shared.DomainException;
import org.doublerandom.inspection.shared.NotFoundException;
import org.doublerandom.inspection.shared.NotPermittedException;
import org.doublerandom.inspection.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一业一册: the bureau compiles booklets from the items now published and publishes them; every department
 * reads the published ones.
 */
@Service
@Transactional(readOnly = true)
public class ItemBookletService {

	private final ItemBooklets booklets;

	private final ItemLists lists;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	public ItemBookletService(ItemBooklets booklets, ItemLists lists, CurrentActor actor, AuditTrail audit,
			Clock clock) {
		this.booklets = booklets;
		this.lists = lists;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	public List<ItemBooklet> booklets() {
		Actor me = business();
		return ItemAccess.canCompileBooklets(me) ? this.booklets.findAllByOrderByIndustrySectionAscNameAsc()
				: this.booklets.findByStatusOrderByIndustrySectionAscNameAsc(BookletStatus.PUBLISHED);
	}

	public ItemBooklet booklet(Long id) {
		Actor me = business();
		ItemBooklet booklet = (ItemAccess.canCompileBooklets(me) ? this.booklets.findById(id)
				: this.booklets.findByIdAndStatus(id, BookletStatus.PUBLISHED))
			.orElseThrow(() -> new NotFoundException("itemBooklet", id));
		booklet.getItems();
		return booklet;
	}

	public boolean mayCompile() {
		return ItemAccess.canCompileBooklets(this.actor.get());
	}

	/** The booklet's items as the departments' lists now publish them. */
	public List<BookletEntry> entries(ItemBooklet booklet) {
		Map<BookletItemRef, InspectionItem> published = publishedItems();
		return booklet.getItems().stream().map(ref -> new BookletEntry(ref, published.get(ref))).toList();
	}

	/** What a booklet may gather: every item of every list version now published (for compilers only). */
	public List<InspectionItem> candidates() {
		requireCompiler("item.booklet.compile");
		return this.lists.findByStatus(ItemListStatus.PUBLISHED)
			.stream()
			.sorted(Comparator.comparing(ItemList::isJoint).reversed().thenComparing(ItemList::getDepartmentId))
			.flatMap(list -> ItemListService.initialized(list).getItems().stream())
			.toList();
	}

	@Transactional
	public ItemBooklet create(BookletDetails details) {
		requireCompiler("item.booklet.create");
		return add(details);
	}

	@Transactional
	public void revise(Long id, BookletDetails details) {
		requireCompiler("item.booklet.revise");
		ItemBooklet booklet = booklet(id);
		if (this.booklets.existsByNameAndIdNot(details.name().strip(), id)) {
			throw new DomainException("item.booklet.refused.nameTaken", "name", details.name());
		}
		requirePublished(details);
		booklet.revise(details, this.clock.instant());
		this.audit.success("item.booklet.revise", "itemBooklet", id, booklet.getName() + ", " + booklet.getItems().size() + " items");
	}

	@Transactional
	public void publish(Long id) {
		requireCompiler("item.booklet.publish");
		ItemBooklet booklet = booklet(id);
		booklet.publish(this.clock.instant());
		this.audit.success("item.booklet.publish", "itemBooklet", id, booklet.getName());
	}

	/** Demo data: a published booklet, unless one of that name exists. */
	@Transactional
	public ItemBooklet provisionPublished(BookletDetails details) {
		this.actor.get().requireSystem("item.booklet.provision");
		ItemBooklet booklet = add(details);
		booklet.publish(this.clock.instant());
		this.audit.success("item.booklet.publish", "itemBooklet", booklet.getId(), booklet.getName());
		return booklet;
	}

	public boolean exists(String name) {
		return this.booklets.existsByName(name);
	}

	private ItemBooklet add(BookletDetails details) {
		if (details.name() != null && this.booklets.existsByName(details.name().strip())) {
			throw new DomainException("item.booklet.refused.nameTaken", "name", details.name());
		}
		requirePublished(details);
		ItemBooklet booklet = this.booklets.save(
				new ItemBooklet(details, this.actor.get().username(), this.clock.instant()));
		this.audit.success("item.booklet.create", "itemBooklet", booklet.getId(),
				booklet.getName() + ", " + booklet.getItems().size() + " items");
		return booklet;
	}

	/** A booklet may only name items that a department has published. */
	private void requirePublished(BookletDetails details) {
		Map<BookletItemRef, InspectionItem> published = publishedItems();
		details.items().stream().filter(ref -> !published.containsKey(ref)).findFirst().ifPresent(ref -> {
			throw new DomainException("item.booklet.refused.unknownItem", "itemKeys", ref.getItemCode());
		});
	}

	private Map<BookletItemRef, InspectionItem> publishedItems() {
		Map<BookletItemRef, InspectionItem> published = new HashMap<>();
		for (ItemList list : this.lists.findByStatus(ItemListStatus.PUBLISHED)) {
			ItemListService.initialized(list).getItems().forEach(item -> published.put(BookletItemRef.of(item), item));
		}
		return published;
	}

	private void requireCompiler(String operation) {
		if (!ItemAccess.canCompileBooklets(this.actor.get())) {
			throw new NotPermittedException(operation);
		}
	}

	private Actor business() {
		Actor me = this.actor.get();
		me.require("item.booklet.read", Role.OFFICER, Role.DEPT_MANAGER, Role.BUREAU);
		return me;
	}

}
