/** 全程留痕: the append-only audit trail, written in the same transaction as the change it records. */
package org.doublerandom.inspection.audit;
