package org.partnershipledger.query.board;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnershipledger.query.access.PartnerPolicy;
import org.partnershipledger.query.access.PartnerScope;
import org.partnershipledger.query.partnership.PartnershipViews;
import org.partnershipledger.query.program.ProgramView;
import org.springframework.stereotype.Component;

/**
 * The programs of a list the current reader may read, as it may read them: all of them for every role but a
 * partner; for a partner, those of partnerships where it is or was selected, as {@link PartnerPolicy} shows them
 * (as they were when it left, once it left).
 */
@Component
class ReadablePrograms {

    private final PartnerScope scope;
    private final PartnershipViews partnerships;
    private final TimeTravel timeTravel;

    ReadablePrograms(PartnerScope scope, PartnershipViews partnerships, TimeTravel timeTravel) {
        this.scope = scope;
        this.partnerships = partnerships;
        this.timeTravel = timeTravel;
    }

    List<ProgramView> of(List<ProgramView> programs) {
        Optional<PartnerPolicy> partner = scope.policy();
        if (partner.isEmpty()) {
            return programs;
        }
        Map<String, Optional<PartnerPolicy.Standing>> standings = new HashMap<>();
        List<ProgramView> readable = new ArrayList<>();
        for (ProgramView program : programs) {
            Optional<PartnerPolicy.Standing> standing = standings.computeIfAbsent(program.partnershipId,
                    id -> scope.maySee(id) ? partnerships.find(id).flatMap(partner.get()::standingIn)
                            : Optional.empty());
            standing.flatMap(s -> partner.get().program(program, s,
                            instant -> timeTravel.program(program.programId, instant)))
                    .ifPresent(readable::add);
        }
        return readable;
    }
}
