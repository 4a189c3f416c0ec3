/**
 * 双随机抽取 (the double-random draw), specification {@code draw-v1} (docs/draw-algorithm.md): canonical
 * inputs and their hashes, the plan committed before any randomness exists, the seed derived from the
 * plan hash and public randomness, stratified selection of targets by keyed SHA-256 ranks, matching of
 * inspectors by seeded slot order and least load, replacements, and the evidence package an outsider
 * re-derives with {@code verifier/verify_draw.py}. Pure and deterministic: integers only, no Random.
 */
package org.doublerandom.inspection.draw;
