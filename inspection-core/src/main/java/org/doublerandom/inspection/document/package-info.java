/**
 * 检查文书: the documents inspectors take to a dispatched task's targets — the inspection notice to each target
 * (随机抽查告知书), the check sheet with every participating department's items and their checkpoints
 * (检查表; one combined sheet for a joint task, 进一次门、查多项事) and the inspection record (检查记录) with
 * blanks to fill in on site. Assembled from the task, its draw's current teams and the published item lists;
 * readable by the participating departments and the bureau only.
 */
package org.doublerandom.inspection.document;
