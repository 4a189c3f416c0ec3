/**
 * 年度抽查计划: the annual spot-check plans of the departments and the city's joint plan (部门联合年度随机抽查计划),
 * their entries (抽查项目: items, target scope, sampling per credit class, period, departments), the workflow
 * from draft to publication, amendments, and the detection and merging of overlapping entries.
 */
package org.doublerandom.inspection.plan;
