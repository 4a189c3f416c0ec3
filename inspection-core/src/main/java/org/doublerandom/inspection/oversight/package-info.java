/**
 * 监督考核: the oversight of the spot checks: dashboards of what the plans required and what was done
 * (统计分析), the assessment report per department and period (考核), and the archive of a task's dossier
 * (存档). It reads what the plan, task, draw, result and audit features wrote and changes nothing but the audit trail.
 */
package org.doublerandom.inspection.oversight;
