package org.doublerandom.inspection.result.persistence;

import org.doublerandom.inspection.result.FollowUp;
import org.doublerandom.inspection.result.FollowUps;
import org.springframework.data.repository.Repository;

interface JpaFollowUps extends FollowUps, Repository<FollowUp, Long> {

}
