package org.doublerandom.inspection.target;

import java.util.List;

/** One exported target, as the cells of the import template (an export can be edited and imported back). */
public record TargetExportRow(List<String> cells) {
}
