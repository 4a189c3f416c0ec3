/**
 * Shared kernel: the acting user ({@link org.doublerandom.inspection.shared.Actor}), the staff
 * {@link org.doublerandom.inspection.shared.Role roles} and the domain exceptions every feature throws.
 * Kept small on purpose: a feature type that several features need belongs to its own feature.
 */
package org.doublerandom.inspection.shared;
