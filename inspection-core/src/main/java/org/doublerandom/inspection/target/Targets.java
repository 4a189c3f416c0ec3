package org.doublerandom.inspection.target;

import java.util.Optional;

/** Port: the target registry's aggregates. */
public interface Targets {

	Optional<Target> findById(Long id);

	Optional<Target> findByCode(String code);

	Target save(Target target);

	long count();

}
