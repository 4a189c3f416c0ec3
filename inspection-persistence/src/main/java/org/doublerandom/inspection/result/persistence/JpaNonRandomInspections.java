package org.doublerandom.inspection.result.persistence;

import org.doublerandom.inspection.result.NonRandomInspection;
import org.doublerandom.inspection.result.NonRandomInspections;
import org.springframework.data.repository.Repository;

interface JpaNonRandomInspections extends NonRandomInspections, Repository<NonRandomInspection, Long> {

}
