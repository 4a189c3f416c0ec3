package org.doublerandom.inspection.target;

/**
 * A target entry that passed {@link TargetRules}: code normalised and typed, industry section derived. Only
 * such rows reach the bulk writer.
 */
public record ValidTarget(CodeType codeType, String code, TargetData data, String industrySectionCode) {
}
