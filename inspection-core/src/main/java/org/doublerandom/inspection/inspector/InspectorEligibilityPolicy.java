package org.doublerandom.inspection.inspector;

import java.util.List;
import java.util.Optional;

/**
 * The rules that decide whether the draw may assign a person, each a named policy with its own refusal reason
 * (a message key). All of them are evaluated, so a page can show every reason at once.
 */
public interface InspectorEligibilityPolicy {

	/** Returns the message key of the refusal, or empty when this rule allows the person. */
	Optional<String> refuse(Inspector inspector, EligibilityQuestion question);

	/** 在岗: people on leave or gone are never drawn. */
	InspectorEligibilityPolicy activeStatus = (inspector, question) -> inspector
		.getStatus() != InspectorStatus.ACTIVE ? Optional.of("inspector.refused.notActive") : Optional.empty();

	/**
	 * 持证上岗: an officer needs an enforcement certificate valid on the day. Experts advise and hold no
	 * enforcement power, so they are exempt.
	 */
	InspectorEligibilityPolicy validEnforcementCertificate = (inspector, question) -> {
		if (inspector.getKind() == InspectorKind.EXPERT || inspector.holdsValidEnforcementCertificate(question.on())) {
			return Optional.empty();
		}
		return Optional.of(inspector.hasEnforcementCertificate() ? "inspector.refused.certificateExpired"
				: "inspector.refused.certificateMissing");
	};

	/** 执法事项范围: the person may inspect every item the check covers. */
	InspectorEligibilityPolicy qualifiedForItems = (inspector, question) -> question.itemCodes()
		.stream()
		.allMatch(inspector::mayInspect) ? Optional.empty() : Optional.of("inspector.refused.notQualifiedForItems");

	/** 回避: no declared conflict of interest with the target. */
	InspectorEligibilityPolicy noConflictWithTarget = (inspector, question) -> inspector
		.hasConflictWith(question.targetId()) ? Optional.of("inspector.refused.conflict") : Optional.empty();

	static List<InspectorEligibilityPolicy> all() {
		return List.of(activeStatus, validEnforcementCertificate, qualifiedForItems, noConflictWithTarget);
	}

	static Eligibility evaluate(Inspector inspector, EligibilityQuestion question) {
		return new Eligibility(all().stream().flatMap(policy -> policy.refuse(inspector, question).stream()).toList());
	}

}
