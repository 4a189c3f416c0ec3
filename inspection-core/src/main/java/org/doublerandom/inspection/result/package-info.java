/**
 * 检查结果 (inspection results). For now the fixed vocabulary of inspection methods; result categories and
 * follow-up measures are editable dictionaries in {@code vocabulary}.
 */
package org.doublerandom.inspection.result;
