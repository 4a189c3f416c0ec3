package org.doublerandom.inspection.target;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/** A department's registry includes the target (the target itself is stored once). */
@Embeddable
public record DepartmentLink(Long departmentId, Instant linkedAt) {
}
