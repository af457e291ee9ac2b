package org.partnershipledger.audit.pack;

import java.util.List;
import org.partnershipledger.audit.leaf.LeafEntry;

/** One event in a pack: its leaf fields, where it sits in the log, and the path from its leaf to the root. */
public record PackEvent(long logIndex, LeafEntry entry, List<byte[]> inclusionProof) {

    public PackEvent {
        inclusionProof = List.copyOf(inclusionProof);
    }
}
