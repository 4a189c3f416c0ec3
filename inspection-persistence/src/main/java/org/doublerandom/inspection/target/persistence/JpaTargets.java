package org.doublerandom.inspection.target.persistence;

import org.doublerandom.inspection.target.Target;
import org.doublerandom.inspection.target.Targets;
import org.springframework.data.repository.Repository;

interface JpaTargets extends Targets, Repository<Target, Long> {

}
