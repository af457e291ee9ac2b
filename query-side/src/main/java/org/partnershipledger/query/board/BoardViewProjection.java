package org.partnershipledger.query.board;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.partnershipledger.events.program.CurriculumModule;
import org.partnershipledger.events.program.ImpactWithdrawn;
import org.partnershipledger.events.program.ModuleCoCreated;
import org.partnershipledger.query.common.EventMetadata;
import org.partnershipledger.query.partnership.PartnershipView;
import org.partnershipledger.query.partnership.PartnershipViews;
import org.partnershipledger.query.program.ProgramView;
import org.partnershipledger.query.program.ProgramViews;
import org.partnershipledger.query.common.Json;
import org.partnershipledger.query.readmodel.ReadModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the board's partnership and program views. Each view remembers the sequence number of the last event
 * applied to it, so a redelivered event is recognised and changes nothing; a reset empties both for a replay.
 */
@Component
@ProcessingGroup(BoardViewProjection.NAME)
class BoardViewProjection {

    static final String NAME = "board-views";
    static final List<String> TABLES = List.of("query_side.partnership_view", "query_side.program_view",
            "query_side.program_impact", "query_side.program_curriculum");

    private final PartnershipViews partnerships;
    private final ProgramViews programs;
    private final JdbcClient jdbc;

    @Autowired
    BoardViewProjection(PartnershipViews partnerships, ProgramViews programs, JdbcClient jdbc) {
        this.partnerships = partnerships;
        this.programs = programs;
        this.jdbc = jdbc;
    }

    /** A rebuild runs a second copy of this projection into copies of its tables. */
    @Bean
    static ReadModel boardViewsReadModel(JdbcClient jdbc, JdbcTemplate batch, Json json) {
        return new ReadModel(NAME, TABLES, tables -> new BoardViewProjection(new PartnershipViews(jdbc, json, tables),
                new ProgramViews(jdbc, batch, json, tables), jdbc));
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        String id = message.getAggregateIdentifier();
        long sequence = message.getSequenceNumber();
        if ("Partnership".equals(message.getType())) {
            PartnershipView view = partnerships.get(id, key -> new PartnershipView());
            if (sequence > view.version) {
                view.apply(event, sequence, message.getTimestamp());
                partnerships.changed(id, view);
            }
        } else if ("Program".equals(message.getType())) {
            ProgramView view = programs.get(id, key -> new ProgramView());
            if (sequence > view.version) {
                boolean versionInMemory = !view.curriculumHistory.isEmpty();
                view.apply(event, sequence, message.getTimestamp(), EventMetadata.actor(message),
                        EventMetadata.reason(message));
                updateStoredRows(id, event, view, versionInMemory);
                programs.changed(id, view);
            }
        }
    }

    /** Changes to impact records and curriculum versions written in earlier batches (see {@link ProgramViews}). */
    private void updateStoredRows(String programId, Object event, ProgramView view, boolean versionInMemory) {
        if (event instanceof ImpactWithdrawn withdrawn) {
            programs.withdrawImpact(programId, withdrawn.impactId(), withdrawn.reason());
        } else if (event instanceof ModuleCoCreated coCreated && !versionInMemory) {
            programs.addToStoredVersion(programId, view.curriculum.version(), view.curriculum.modules(),
                    new CurriculumModule(coCreated.moduleId(), coCreated.title()));
        }
    }

    @ResetHandler
    void reset() {
        partnerships.deleteAll();
        programs.deleteAll();
        jdbc.sql("DELETE FROM query_side.read_model_position WHERE processor = ?").param(NAME).update();
    }
}
