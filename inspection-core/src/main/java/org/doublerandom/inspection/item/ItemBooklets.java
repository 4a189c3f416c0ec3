package org.doublerandom.inspection.item;

import java.util.List;
import java.util.Optional;

/** Port: the 一业一册 booklets. */
public interface ItemBooklets {

	List<ItemBooklet> findAllByOrderByIndustrySectionAscNameAsc();

	List<ItemBooklet> findByStatusOrderByIndustrySectionAscNameAsc(BookletStatus status);

	Optional<ItemBooklet> findById(Long id);

	Optional<ItemBooklet> findByIdAndStatus(Long id, BookletStatus status);

	boolean existsByName(String name);

	boolean existsByNameAndIdNot(String name, Long id);

	ItemBooklet save(ItemBooklet booklet);

}
