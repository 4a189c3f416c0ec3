package org.doublerandom.inspection.audit;

/** The last event of the chain: its sequence number and hash (0 and the genesis hash when empty). */
public record ChainHead(long sequenceNo, String hash) {

}
