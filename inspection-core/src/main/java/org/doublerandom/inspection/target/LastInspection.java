package org.doublerandom.inspection.target;

import java.time.LocalDate;

/**
 * 最近检查日期: when a department last inspected the target for one of its items (by the item's stable
 * code). Written when results are recorded; read by the draw's "inspected within N months" exclusion.
 */
public record LastInspection(Long departmentId, String itemCode, LocalDate lastInspectedOn) {
}
