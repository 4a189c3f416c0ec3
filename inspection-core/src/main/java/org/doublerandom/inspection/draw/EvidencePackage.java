package org.doublerandom.inspection.draw;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.doublerandom.inspection.draw.CanonicalCsv.FileDigest;

/**
 * 证据包: the files from which anyone re-derives a draw. {@code plan.json} (the committed bytes), the four
 * canonical inputs, {@code sources.json} (the values of the declared sources, in the plan's order),
 * {@code result.json} and {@code amendments.json}. The public variant replaces {@code pool.csv} and
 * {@code conflicts.csv} by {@code pool-summary.json} (per-stratum counts and the pool's Merkle root).
 */
public final class EvidencePackage {

	public static final String PLAN = "plan.json";

	public static final String POOL = "pool.csv";

	public static final String ROSTER = "roster.csv";

	public static final String CONFLICTS = "conflicts.csv";

	public static final String HISTORY = "history.csv";

	public static final String SOURCES = "sources.json";

	public static final String RESULT = "result.json";

	public static final String AMENDMENTS = "amendments.json";

	public static final String POOL_SUMMARY = "pool-summary.json";

	private EvidencePackage() {
	}

	/** Writes the four canonical inputs (the pool of a large draw may instead be streamed there directly). */
	public static void writeInputs(Path dir, byte[] pool, byte[] roster, byte[] conflicts, byte[] history) {
		write(dir, POOL, pool);
		write(dir, ROSTER, roster);
		write(dir, CONFLICTS, conflicts);
		write(dir, HISTORY, history);
	}

	/** Writes the plan, the source values, the result and the amendments next to the inputs. */
	public static void writeDraw(Path dir, DrawPlan plan, List<SourceValue> sources, Draw draw) {
		write(dir, PLAN, plan.canonicalBytes());
		write(dir, SOURCES, CanonicalJson.bytes(SourceValue.toJson(sources)));
		try (OutputStream out = Files.newOutputStream(dir.resolve(RESULT))) {
			draw.result().writeTo(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		write(dir, AMENDMENTS, draw.amendmentsBytes());
	}

	/**
	 * The public variant's pool summary: the committed pool hash and Merkle root and the eligible count of
	 * every stratum, enough to check the allocation and, with inclusion proofs, one firm's row.
	 */
	public static byte[] poolSummary(DrawPlan plan, SortedMap<String, Long> counts) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("sha256", plan.inputs().pool().sha256());
		json.put("rows", plan.inputs().pool().rows());
		json.put("merkle_root", plan.inputs().pool().merkleRoot());
		json.put("strata", counts.entrySet().stream().map(e -> Map.of("key", e.getKey(), "n", e.getValue())).toList());
		return CanonicalJson.bytes(json);
	}

	/** The digests of a package's input files, as a plan made from them would commit them. */
	public static DrawPlan.Inputs inputs(Path dir, List<String> attributes) {
		return new DrawPlan.Inputs(digest(dir, POOL, CanonicalCsv.poolHeader(attributes)),
				digest(dir, ROSTER, CanonicalCsv.ROSTER_HEADER), digest(dir, CONFLICTS, CanonicalCsv.CONFLICTS_HEADER),
				digest(dir, HISTORY, CanonicalCsv.HISTORY_HEADER));
	}

	private static FileDigest digest(Path dir, String name, String header) {
		try (InputStream in = Files.newInputStream(dir.resolve(name))) {
			return CanonicalCsv.read(in, header, -1, (f, n) -> {
			}, name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Re-runs the draw from a package: inputs checked against the plan, amendments re-derived from their requests. */
	public static Draw redraw(Path dir) {
		DrawPlan plan = DrawPlan.fromCanonicalBytes(read(dir, PLAN));
		List<String> attributes = plan.strata().attributes();
		DrawPlan.Inputs actual = inputs(dir, attributes);
		check(plan.inputs().pool(), actual.pool(), POOL, true);
		check(plan.inputs().roster(), actual.roster(), ROSTER, false);
		check(plan.inputs().conflicts(), actual.conflicts(), CONFLICTS, false);
		check(plan.inputs().history(), actual.history(), HISTORY, false);
		List<SourceValue> sources = SourceValue.fromJson(CanonicalJson.parseCanonical(read(dir, SOURCES), SOURCES));
		Draw draw = Draw.run(plan, poolStream(dir.resolve(POOL), attributes), null, CanonicalCsv.readRoster(stream(dir, ROSTER)),
				CanonicalCsv.readConflicts(stream(dir, CONFLICTS)), CanonicalCsv.readHistory(stream(dir, HISTORY)), sources);
		if (Files.exists(dir.resolve(AMENDMENTS))) {
			Amendment.requestsFromJson(CanonicalJson.parseCanonical(read(dir, AMENDMENTS), AMENDMENTS)).forEach(draw::amend);
		}
		return draw;
	}

	/** The eligible rows of a canonical pool file, read (and checked) anew on every pass. */
	public static CandidateStream poolStream(Path file, List<String> attributes) {
		return sink -> {
			try (InputStream in = Files.newInputStream(file)) {
				CanonicalCsv.read(in, CanonicalCsv.poolHeader(attributes), -1, (f, n) -> {
					if (f[attributes.size() + 1].isEmpty()) {
						CanonicalCsv.poolRow(f, attributes.size(), n);
						sink.accept(f[0], String.join("/", Arrays.asList(f).subList(1, attributes.size() + 1)));
					}
				}, POOL);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	/** The first difference between a package and its re-derivation, or empty when it holds. */
	public static Optional<String> check(Path dir) {
		try {
			Draw draw = redraw(dir);
			if (!Arrays.equals(CanonicalJson.hash(draw.result().toJson()), fileHash(dir.resolve(RESULT)))) {
				return Optional.of("result.json differs from the re-derived result");
			}
			if (!Arrays.equals(draw.amendmentsBytes(), read(dir, AMENDMENTS))) {
				return Optional.of("amendments.json differs from the re-derived amendments");
			}
			return Optional.empty();
		}
		catch (DrawInputException ex) {
			return Optional.of(ex.detail());
		}
		catch (RuntimeException ex) {
			// a missing or unreadable file, or a value of the wrong type: the package does not hold either
			return Optional.of(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private static void check(FileDigest committed, FileDigest actual, String name, boolean merkle) {
		if (!committed.sha256().equals(actual.sha256()) || committed.rows() != actual.rows()
				|| (merkle && !committed.merkleRoot().equals(actual.merkleRoot()))) {
			throw new DrawInputException(name + " is not the file the plan committed to");
		}
	}

	private static byte[] fileHash(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			java.security.MessageDigest digest = Sha256.newDigest();
			byte[] buffer = new byte[1 << 16];
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
			}
			return digest.digest();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] read(Path dir, String name) {
		try {
			return Files.readAllBytes(dir.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream stream(Path dir, String name) {
		try {
			return new java.io.ByteArrayInputStream(Files.readAllBytes(dir.resolve(name)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void write(Path dir, String name, byte[] bytes) {
		try {
			Files.createDirectories(dir);
			Files.write(dir.resolve(name), bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
