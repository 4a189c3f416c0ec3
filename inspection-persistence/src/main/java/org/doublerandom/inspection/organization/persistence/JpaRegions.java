package org.doublerandom.inspection.organization.persistence;

import org.doublerandom.inspection.organization.Region;
import org.doublerandom.inspection.organization.Regions;
import org.springframework.data.repository.Repository;

interface JpaRegions extends Regions, Repository<Region, String> {

}
