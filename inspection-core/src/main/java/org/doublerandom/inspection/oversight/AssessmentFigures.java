package org.doublerandom.inspection.oversight;

import java.util.List;

/** Port: the rows of an assessment, read in SQL for one department and period. */
public interface AssessmentFigures {

	List<Assessment.EntryLine> entries(long departmentId, AssessmentPeriod period);

	List<Assessment.CorrectionLine> corrections(long departmentId, AssessmentPeriod period);

	Assessment.Timeliness timeliness(long departmentId, AssessmentPeriod period);

	Assessment.FollowUpCounts followUps(long departmentId, AssessmentPeriod period);

}
