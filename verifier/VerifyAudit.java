// Offline verifier of an exported audit trail (全程留痕), independent of the application: it shares no code
// with it and needs only a JDK 17 or later. Run from anywhere:
//
//   java verifier/VerifyAudit.java audit-trail.jsonl checkpoints.jsonl checkpoint-ed25519.pub.pem
//
// It recomputes every event's SHA-256 from the canonical form in docs/audit-chain.md, checks that the
// sequence numbers run 1, 2, 3, ... and that each event names its predecessor's hash, checks every
// checkpoint's Ed25519 signature with the public key, and checks the chain against the checkpoints (same
// hash at each checkpoint's sequence number; the export is not shorter than the latest checkpoint).
// Exit status: 0 intact, 1 broken (the first broken link is printed), 2 unreadable input.

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class VerifyAudit {

	static final String GENESIS = "0".repeat(64);

	static final String[] FIELDS = { "seq", "occurredAt", "actor", "actorRoles", "departmentId", "action",
			"objectType", "objectId", "outcome", "clientAddress", "detail", "prevHash" };

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: java VerifyAudit.java <audit-trail.jsonl> <checkpoints.jsonl> <public-key.pem>");
			System.exit(2);
		}
		try {
			System.exit(run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2])));
		}
		catch (IllegalArgumentException | java.io.IOException | java.security.GeneralSecurityException ex) {
			System.err.println("UNREADABLE: " + ex.getMessage());
			System.exit(2);
		}
	}

	static int run(Path trail, Path checkpointFile, Path publicKeyFile) throws Exception {
		PublicKey key = publicKey(publicKeyFile);
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		String keyId = HexFormat.of().formatHex(sha256.digest(key.getEncoded())).substring(0, 16);

		// checkpoints first: a checkpoint whose signature fails is itself a break and is not trusted
		Map<Long, String> checkpointHash = new HashMap<>();
		long latestCheckpoint = 0;
		List<String> signatureBreaks = new ArrayList<>();
		long firstSignatureBreak = Long.MAX_VALUE;
		int lineNo = 0;
		for (String line : Files.readAllLines(checkpointFile, StandardCharsets.UTF_8)) {
			lineNo++;
			if (line.isBlank()) {
				continue;
			}
			Map<String, String> c = parse(line, "checkpoints line " + lineNo);
			long seq = Long.parseLong(c.get("seq"));
			String signed = "audit-checkpoint-v1\n" + seq + "\n" + c.get("hash") + "\n" + c.get("time");
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(signed.getBytes(StandardCharsets.UTF_8));
			boolean valid;
			try {
				valid = verifier.verify(Base64.getDecoder().decode(c.get("signature")));
			}
			catch (IllegalArgumentException | java.security.SignatureException ex) {
				valid = false;
			}
			if (!valid) {
				if (seq < firstSignatureBreak) {
					firstSignatureBreak = seq;
					signatureBreaks.add(0, "BROKEN at seq " + seq + ": checkpoint signature (line " + lineNo
							+ ") does not verify with key " + keyId + " (checkpoint names key " + c.get("keyId") + ")");
				}
				continue;
			}
			checkpointHash.put(seq, c.get("hash"));
			latestCheckpoint = Math.max(latestCheckpoint, seq);
		}

		long expectedSeq = 1;
		String expectedPrev = GENESIS;
		String chainBreak = null;
		long breakSeq = Long.MAX_VALUE;
		try (BufferedReader reader = Files.newBufferedReader(trail, StandardCharsets.UTF_8)) {
			String line;
			lineNo = 0;
			while (chainBreak == null && (line = reader.readLine()) != null) {
				lineNo++;
				if (line.isBlank()) {
					continue;
				}
				Map<String, String> e = parse(line, "trail line " + lineNo);
				long seq = Long.parseLong(e.get("seq"));
				if (seq != expectedSeq) {
					breakSeq = expectedSeq;
					chainBreak = "BROKEN at seq " + expectedSeq + ": sequence: expected " + expectedSeq + ", found " + seq;
					break;
				}
				if (!expectedPrev.equals(e.get("prevHash"))) {
					breakSeq = seq;
					chainBreak = "BROKEN at seq " + seq + ": previous hash: expected " + expectedPrev + ", found "
							+ e.get("prevHash");
					break;
				}
				String recomputed = HexFormat.of()
					.formatHex(sha256.digest(canonical(e).getBytes(StandardCharsets.UTF_8)));
				if (!recomputed.equals(e.get("hash"))) {
					breakSeq = seq;
					chainBreak = "BROKEN at seq " + seq + ": hash: expected " + recomputed + ", found " + e.get("hash");
					break;
				}
				String atCheckpoint = checkpointHash.get(seq);
				if (atCheckpoint != null && !atCheckpoint.equals(recomputed)) {
					breakSeq = seq;
					chainBreak = "BROKEN at seq " + seq + ": checkpoint: expected " + atCheckpoint + ", found " + recomputed;
					break;
				}
				expectedPrev = recomputed;
				expectedSeq++;
			}
		}
		long last = expectedSeq - 1;
		if (chainBreak == null && latestCheckpoint > last) {
			breakSeq = last + 1;
			chainBreak = "BROKEN at seq " + (last + 1) + ": tail missing: expected at least " + latestCheckpoint
					+ " events (signed checkpoint), found " + last;
		}
		if (firstSignatureBreak < breakSeq) {
			chainBreak = signatureBreaks.get(0);
		}
		if (chainBreak != null) {
			System.out.println(chainBreak);
			return 1;
		}
		System.out.println("OK: " + last + " events, chain intact, head " + expectedPrev + "; " + checkpointHash.size()
				+ " signed checkpoints verified with key " + keyId + ", latest at seq " + latestCheckpoint);
		return 0;
	}

	/** audit-event-v1: the version line, then each field as "-" (null) or "<UTF-8 length>:<text>". */
	static String canonical(Map<String, String> e) {
		StringBuilder form = new StringBuilder("audit-event-v1");
		for (String field : FIELDS) {
			if (!e.containsKey(field)) {
				throw new IllegalArgumentException("event " + e.get("seq") + " has no field " + field);
			}
			String value = e.get(field);
			form.append('\n');
			if (value == null) {
				form.append('-');
			}
			else {
				form.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
			}
		}
		return form.toString();
	}

	static PublicKey publicKey(Path pem) throws Exception {
		String text = Files.readString(pem, StandardCharsets.US_ASCII);
		int from = text.indexOf("-----BEGIN PUBLIC KEY-----");
		int to = text.indexOf("-----END PUBLIC KEY-----");
		if (from < 0 || to < from) {
			throw new IllegalArgumentException(pem + " holds no PUBLIC KEY in PEM form");
		}
		byte[] der = Base64.getMimeDecoder().decode(text.substring(from + 26, to));
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
	}

	/** One flat JSON object whose values are strings, integers or null. */
	static Map<String, String> parse(String line, String where) {
		Map<String, String> values = new LinkedHashMap<>();
		int[] pos = { 0 };
		String s = line.strip();
		expect(s, pos, '{', where);
		space(s, pos);
		if (peek(s, pos, where) == '}') {
			return values;
		}
		while (true) {
			space(s, pos);
			String key = string(s, pos, where);
			space(s, pos);
			expect(s, pos, ':', where);
			space(s, pos);
			String value;
			char c = peek(s, pos, where);
			if (c == '"') {
				value = string(s, pos, where);
			}
			else if (s.startsWith("null", pos[0])) {
				value = null;
				pos[0] += 4;
			}
			else {
				int start = pos[0];
				if (c == '-') {
					pos[0]++;
				}
				while (pos[0] < s.length() && Character.isDigit(s.charAt(pos[0]))) {
					pos[0]++;
				}
				value = s.substring(start, pos[0]);
				if (value.isEmpty() || value.equals("-")) {
					throw new IllegalArgumentException(where + ": expected a string, an integer or null at " + start);
				}
			}
			if (values.containsKey(key)) {
				throw new IllegalArgumentException(where + ": key " + key + " twice");
			}
			values.put(key, value);
			space(s, pos);
			char next = peek(s, pos, where);
			pos[0]++;
			if (next == '}') {
				if (pos[0] != s.length()) {
					throw new IllegalArgumentException(where + ": text after the object");
				}
				return values;
			}
			if (next != ',') {
				throw new IllegalArgumentException(where + ": expected , or } at " + (pos[0] - 1));
			}
		}
	}

	static String string(String s, int[] pos, String where) {
		expect(s, pos, '"', where);
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = peek(s, pos, where);
			pos[0]++;
			if (c == '"') {
				return out.toString();
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char e = peek(s, pos, where);
			pos[0]++;
			switch (e) {
				case '"', '\\', '/' -> out.append(e);
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'u' -> {
					if (pos[0] + 4 > s.length()) {
						throw new IllegalArgumentException(where + ": short \\u escape");
					}
					out.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
					pos[0] += 4;
				}
				default -> throw new IllegalArgumentException(where + ": unknown escape \\" + e);
			}
		}
	}

	static void space(String s, int[] pos) {
		while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
			pos[0]++;
		}
	}

	static char peek(String s, int[] pos, String where) {
		if (pos[0] >= s.length()) {
			throw new IllegalArgumentException(where + ": unexpected end of line");
		}
		return s.charAt(pos[0]);
	}

	static void expect(String s, int[] pos, char c, String where) {
		if (peek(s, pos, where) != c) {
			throw new IllegalArgumentException(where + ": expected " + c + " at " + pos[0]);
		}
		pos[0]++;
	}

}
