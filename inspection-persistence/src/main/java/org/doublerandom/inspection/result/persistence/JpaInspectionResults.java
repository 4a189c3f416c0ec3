package org.doublerandom.inspection.result.persistence;

import org.doublerandom.inspection.result.InspectionResult;
import org.doublerandom.inspection.result.InspectionResults;
import org.springframework.data.repository.Repository;

interface JpaInspectionResults extends InspectionResults, Repository<InspectionResult, Long> {

}
