package org.partnershipledger.query.cluster;

import java.lang.management.ManagementFactory;

/**
 * This query-side node's name, as it appears in leases: {@code ledger.node.name} ({@code LEDGER_NODE_NAME}), or
 * else the process id and host name, as Axon names the owner of a processor's token claim.
 */
public record NodeName(String value) {

    public static NodeName of(String configured) {
        return new NodeName(configured == null || configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() : configured.trim());
    }
}
