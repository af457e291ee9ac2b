package org.partnershipledger.command.program;

import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.partnershipledger.command.common.SnapshotShapes;
import org.partnershipledger.events.program.ProgramEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which stored snapshots of a program are used: its own revision, and readable (see {@link SnapshotShapes}). */
@Configuration(proxyBeanMethods = false)
class ProgramSnapshotConfiguration {

    @Bean
    SnapshotFilter programSnapshotFilter(Serializer serializer) {
        return SnapshotShapes.of(Program.class, ProgramEvent.AGGREGATE, serializer);
    }
}
