package org.doublerandom.inspection.disclosure;

import org.doublerandom.inspection.target.TargetKind;

/**
 * A target as the public sees it: name, 统一社会信用代码 (or legacy registration number), registered region
 * and kind. Nothing else of the registry row (address, credit class, licences) is ever read into it.
 */
public record PublicEntity(long id, String name, String code, String regionCode, TargetKind kind) {
}
