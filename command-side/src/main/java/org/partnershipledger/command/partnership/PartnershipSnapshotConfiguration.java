package org.partnershipledger.command.partnership;

import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.partnershipledger.command.common.SnapshotShapes;
import org.partnershipledger.events.partnership.PartnershipEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which stored snapshots of a partnership are used: its own revision, and readable (see {@link SnapshotShapes}). */
@Configuration(proxyBeanMethods = false)
class PartnershipSnapshotConfiguration {

    @Bean
    SnapshotFilter partnershipSnapshotFilter(Serializer serializer) {
        return SnapshotShapes.of(Partnership.class, PartnershipEvent.AGGREGATE, serializer);
    }
}
