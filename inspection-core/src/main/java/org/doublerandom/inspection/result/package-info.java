/**
 * 检查结果 (inspection results, plan 三(八)–三(九)): each participating department records its own result for
 * each drawn target ("谁检查、谁录入、谁公示"), its manager reviews it (待审核 → 退回 / 不通过 / 已公示), and it is
 * published within 20 working days of the inspection; follow-ups (后续处置, 抄告, 移送) track what was found
 * until closed. Result categories and follow-up measures are the editable dictionaries in {@code vocabulary}.
 */
package org.doublerandom.inspection.result;
