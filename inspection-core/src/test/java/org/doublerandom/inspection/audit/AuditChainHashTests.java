package org.doublerandom.inspection.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditChainHashTests {

	static final Instant T = Instant.parse("2026-03-02T01:00:00.123456789Z");

	@Test
	void theCanonicalFormIsLengthPrefixedUtf8OneFieldPerLineWithMicrosecondsInUtc() {
		String form = AuditChainHash.canonical(7, T, "scjg-officer1", "OFFICER", 1L, "target.edit", "target", "42",
				"SUCCESS", null, "名称\n改为", AuditChainHash.GENESIS);
		assertThat(form).isEqualTo("audit-event-v1\n1:7\n27:2026-03-02T01:00:00.123456Z\n13:scjg-officer1\n7:OFFICER\n1:1"
				+ "\n11:target.edit\n6:target\n2:42\n7:SUCCESS\n-\n13:名称\n改为\n64:" + "0".repeat(64));
	}

	@Test
	void theHashIsLowercaseHexSha256OfTheUtf8Form() {
		// sha256("abc"), FIPS 180-2 appendix B.1
		assertThat(AuditChainHash.sha256Hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void theLengthPrefixCountsUtf8BytesAsStringGetBytesDoes() {
		for (String text : new String[] { "", "abc", "é", "名称", "😀", "a\uD800b", "\uDC00", "x\n€" }) {
			assertThat(AuditChainHash.utf8Length(text)).as(text)
				.isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
		}
	}

	@Test
	void aNullFieldAndTheTextOfADashAreDifferent() {
		String withNull = AuditChainHash.canonical(1, T, "a", "", null, "x", null, null, "SUCCESS", null, null, "0");
		String withDash = AuditChainHash.canonical(1, T, "a", "", null, "x", "-", null, "SUCCESS", null, null, "0");
		assertThat(withNull).isNotEqualTo(withDash);
	}

	@Test
	void exportLinesReadBackToTheSameFields() {
		AuditEntry entry = new AuditEntry(1, 3, Instant.parse("2026-03-02T01:00:00.000001Z"), "a\"b", "OFFICER", null,
				"x", null, "1", AuditOutcome.DENIED, "127.0.0.1", "tab\there\\ \u0001 😀", "0".repeat(64), "f".repeat(64));
		Map<String, String> read = AuditJson.parseFlat(AuditJson.exportLine(entry));
		assertThat(read).containsEntry("seq", "3")
			.containsEntry("occurredAt", "2026-03-02T01:00:00.000001Z")
			.containsEntry("actor", "a\"b")
			.containsEntry("departmentId", null)
			.containsEntry("detail", "tab\there\\ \u0001 😀")
			.containsEntry("outcome", "DENIED");
		assertThatThrownBy(() -> AuditJson.parseFlat("{\"a\":[1]}")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theVerifierReportsTheFirstBrokenLinkOfEachKind() {
		List<AuditEntry> chain = chain(6);
		assertThat(verify(chain, List.of()).intact()).isTrue();

		List<AuditEntry> edited = new ArrayList<>(chain);
		AuditEntry third = chain.get(2);
		edited.set(2, new AuditEntry(third.id(), 3, third.occurredAt(), "someone-else", third.actorRoles(), null,
				third.action(), null, null, third.outcome(), null, null, third.previousHash(), third.hash()));
		assertThat(verify(edited, List.of()).firstBreak()).extracting(ChainBreak::sequenceNo, ChainBreak::kind)
			.containsExactly(3L, ChainBreak.Kind.HASH);

		List<AuditEntry> deleted = new ArrayList<>(chain);
		deleted.remove(3);
		assertThat(verify(deleted, List.of()).firstBreak()).extracting(ChainBreak::sequenceNo, ChainBreak::kind,
				ChainBreak::expected, ChainBreak::found)
			.containsExactly(4L, ChainBreak.Kind.SEQUENCE, "4", "5");

		AuditCheckpoint atSix = new AuditCheckpoint(6, chain.get(5).hash(), T, "k", "s");
		assertThat(verify(chain.subList(0, 4), List.of(atSix)).firstBreak())
			.extracting(ChainBreak::sequenceNo, ChainBreak::kind)
			.containsExactly(5L, ChainBreak.Kind.TAIL_MISSING);

		AuditCheckpoint wrong = new AuditCheckpoint(2, "e".repeat(64), T, "k", "s");
		assertThat(verify(chain, List.of(wrong)).firstBreak()).extracting(ChainBreak::sequenceNo, ChainBreak::kind)
			.containsExactly(2L, ChainBreak.Kind.CHECKPOINT);
	}

	static ChainVerification verify(List<AuditEntry> entries, List<AuditCheckpoint> checkpoints) {
		AuditChainVerifier verifier = new AuditChainVerifier(checkpoints, null);
		entries.forEach(verifier);
		return verifier.finish(T, null);
	}

	static List<AuditEntry> chain(int length) {
		List<AuditEntry> chain = new ArrayList<>();
		String previous = AuditChainHash.GENESIS;
		for (int seq = 1; seq <= length; seq++) {
			Instant at = T.plusSeconds(seq).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
			String hash = AuditChainHash.sha256Hex(AuditChainHash.canonical(seq, at, "u" + seq, "OFFICER", null,
					"test.event", null, null, "SUCCESS", null, null, previous));
			chain.add(new AuditEntry(seq, seq, at, "u" + seq, "OFFICER", null, "test.event", null, null,
					AuditOutcome.SUCCESS, null, null, previous, hash));
			previous = hash;
		}
		return chain;
	}

}
