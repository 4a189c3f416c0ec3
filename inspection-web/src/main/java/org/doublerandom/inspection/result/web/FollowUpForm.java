package org.doublerandom.inspection.result.web;

import org.doublerandom.inspection.result.FollowUpKind;

/** 后续处置: a measure, a transfer (抄告) to a department or a referral (移送). */
record FollowUpForm(FollowUpKind kind, String description, Long receivingDepartmentId, String receivingBody) {
}
