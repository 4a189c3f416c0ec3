/** 字典: controlled vocabularies the bureau may adjust (检查结果, 后续处置措施). */
package org.doublerandom.inspection.vocabulary;
