/**
 * 抽查任务: a task created from an entry of a published plan, with its code in the city's format
 * (e.g. 鄂市监联抽〔2026〕3号), description, schedule, lead department and one sub-task per department taking
 * part, and its state machine from creation to the closing of the results.
 */
package org.doublerandom.inspection.task;
