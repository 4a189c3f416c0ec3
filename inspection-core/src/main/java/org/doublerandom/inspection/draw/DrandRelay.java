package org.doublerandom.inspection.draw;

import java.util.Optional;

/**
 * Port: a drand HTTP relay of the quicknet chain ({@code GET /<chain hash>/public/<round>}). Empty when the round
 * cannot be had now (not yet published, relay unreachable, malformed answer): the draw then waits, and the next
 * attempt asks again. A value returned has passed {@code randomness = SHA-256(signature)}; the BLS signature is
 * not checked here (docs/draw-algorithm.md, "How the application runs it").
 */
public interface DrandRelay {

	Optional<SourceValue.DrandValue> fetch(long round);

}
