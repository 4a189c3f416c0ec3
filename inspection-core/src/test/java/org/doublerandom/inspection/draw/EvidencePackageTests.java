package org.doublerandom.inspection.draw;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's own re-derivation of a package (the Python verifier is tested in IndependentVerifierTests). */
class EvidencePackageTests {

	@TempDir
	Path dir;

	@Test
	void aPackageIsReDerivedByteForByteFromItsFiles() throws Exception {
		DrawVectors.Case c = DrawVectors.vector(this.dir);
		assertThat(EvidencePackage.check(this.dir)).isEmpty();
		Draw again = EvidencePackage.redraw(this.dir);
		assertThat(again.result().canonicalBytes()).isEqualTo(Files.readAllBytes(this.dir.resolve(EvidencePackage.RESULT)));
		assertThat(again.amendmentsBytes()).isEqualTo(c.draw().amendmentsBytes());
		assertThat(Files.readAllBytes(this.dir.resolve(EvidencePackage.PLAN))).isEqualTo(c.plan().canonicalBytes());
	}

	@Test
	void aChangedInputOrResultIsReported() throws Exception {
		DrawVectors.vector(this.dir);
		Path pool = this.dir.resolve(EvidencePackage.POOL);
		String original = Files.readString(pool);
		Files.writeString(pool, original.replace("T-105,A,150602,", "T-105,B,150602,"));
		assertThat(EvidencePackage.check(this.dir)).hasValue("pool.csv is not the file the plan committed to");
		Files.writeString(pool, original);
		Path result = this.dir.resolve(EvidencePackage.RESULT);
		Files.writeString(result, Files.readString(result).replace("\"I-S3\"", "\"I-S4\""));
		assertThat(EvidencePackage.check(this.dir)).hasValue("result.json differs from the re-derived result");
		Files.delete(result);
		assertThat(EvidencePackage.check(this.dir)).isPresent();
	}

	@Test
	void resultJsonIsTheCanonicalFormOfTheResultWithItsDigest() throws Exception {
		DrawVectors.vector(this.dir);
		byte[] bytes = Files.readAllBytes(this.dir.resolve(EvidencePackage.RESULT));
		@SuppressWarnings("unchecked")
		java.util.Map<String, Object> json = (java.util.Map<String, Object>) CanonicalJson.parseCanonical(bytes, "result.json");
		String digest = (String) json.remove("digest");
		assertThat(digest).isEqualTo(Sha256.hex(Sha256.of(CanonicalJson.bytes(json))));
		assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"assignment\":{\"groups\":[");
	}

	@Test
	void theEncodedResultKnowsItsLengthAndDigestBeforeItIsWritten() throws Exception {
		DrawResult result = DrawVectors.vectorDraw().draw().result();
		byte[] bytes = result.canonicalBytes();
		DrawResult.Encoded encoded = result.encode();
		assertThat(encoded.length()).isEqualTo(bytes.length);
		// the published test vector's digest (docs/draw-algorithm.md §17)
		assertThat(encoded.digest()).isEqualTo("81ad52fca805559cfece55121426f01209592677d17264ad1ede040d5f5c004b")
			.isEqualTo(((java.util.Map<?, ?>) CanonicalJson.parse(bytes)).get("digest"));
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		encoded.writeTo(out);
		assertThat(out.toByteArray()).isEqualTo(bytes);
	}

}
