package org.partnershipledger.query.cluster;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    /** The name of the lease on the integration work: webhook delivery and signing audit checkpoints. */
    static final String INTEGRATION = "integration";

    @Bean
    NodeName nodeName(@Value("${ledger.node.name:}") String configured) {
        return NodeName.of(configured);
    }

    /**
     * One lease for webhook delivery and checkpoint signing: the node that signs a checkpoint also learns its key's
     * fingerprint first, and delivers it.
     */
    @Bean
    Lease integrationLease(JdbcClient jdbc, NodeName node,
                           @Value("${ledger.node.lease:10s}") Duration duration) {
        return new Lease(jdbc, INTEGRATION, node.value(), duration);
    }
}
