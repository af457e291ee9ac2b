package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.partnershipledger.command.common.LostRaces;
import org.partnershipledger.command.program.RecordCurationUse;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.program.ProgramId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Statements that show a business unit sourcing or customising content (a sourcing verb, or a course as the
 * object) are recorded against the program's curation of that content, matched by the curation's URI and the
 * statement's object (its id or its definition's moreInfo).
 */
@Component
class CurationUses {

    /** Verbs that say content was sourced, adapted or authored. */
    static final Set<String> VERBS = Set.of("http://activitystrea.ms/schema/1.0/source",
            "http://activitystrea.ms/schema/1.0/author", "http://id.tincanapi.com/verb/adapted",
            "http://adlnet.gov/expapi/verbs/authored");
    static final String COURSE = "http://adlnet.gov/expapi/activities/course";
    private static final Logger LOG = LoggerFactory.getLogger(CurationUses.class);

    private final XapiMappingTable curations;
    private final CommandGateway commands;

    CurationUses(XapiMappingTable curations, CommandGateway commands) {
        this.curations = curations;
        this.commands = commands;
    }

    /** The curations a statement shows in use, with the evidence it gives (empty for most statements). */
    Map<XapiMappingTable.Curation, Evidence> of(String statementId, JsonNode statement) {
        JsonNode object = statement.path("object");
        String verb = statement.path("verb").path("id").asText();
        boolean course = COURSE.equals(object.path("definition").path("type").asText());
        if (!VERBS.contains(verb) && !course) {
            return Map.of();
        }
        Map<XapiMappingTable.Curation, Evidence> found = new LinkedHashMap<>();
        for (String uri : new String[] {object.path("id").asText(null),
                object.path("definition").path("moreInfo").asText(null)}) {
            if (uri == null) {
                continue;
            }
            for (XapiMappingTable.Curation curation : curations.curationsOf(uri)) {
                found.putIfAbsent(curation, new Evidence(EvidenceType.XAPI_STATEMENT, statementId,
                        "Learning record: " + verb.substring(verb.lastIndexOf('/') + 1)));
            }
        }
        return found;
    }

    /** Records each curation's evidence, 50 statements per record at most; a refusal is logged and left. */
    void record(Map<XapiMappingTable.Curation, List<Evidence>> uses) {
        uses.forEach((curation, evidence) -> {
            for (int from = 0; from < evidence.size(); from += 50) {
                List<Evidence> part = new ArrayList<>(evidence.subList(from, Math.min(evidence.size(), from + 50)));
                try {
                    RecordCurationUse use = new RecordCurationUse(new ProgramId(curation.programId()),
                            curation.curationId(), part, "Learning records show the content in use", null);
                    LostRaces.retried(() -> commands.<Object>sendAndWait(use));
                } catch (RuntimeException refused) {
                    LOG.warn("Curation {} of program {} took no learning records: {}", curation.curationId(),
                            curation.programId(), refused.getMessage());
                }
            }
        });
    }
}
