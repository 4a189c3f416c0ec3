package org.doublerandom.inspection.disclosure;

import java.util.List;
import java.util.Optional;

/**
 * Port: the public entity lookup. Only targets with a credit code or registration number that are not
 * natural persons (特定人员) are found, and only their public fields are read.
 */
public interface PublicEntities {

	/**
	 * {@code limit} matches from {@code offset}: a code-like query matches a code prefix, in code order; a part of
	 * a name lists its matches in the order they entered the registry (oldest first), so pages stay put as the
	 * registry grows.
	 */
	List<PublicEntity> search(EntityQuery query, int offset, int limit);

	Optional<PublicEntity> findById(long id);

	Optional<PublicEntity> findByCode(String code);

	/** The committed draws with a result that selected the entity or listed it as a reserve, newest first. */
	List<EntityDraw> draws(long entityId);

}
