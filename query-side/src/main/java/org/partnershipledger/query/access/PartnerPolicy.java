package org.partnershipledger.query.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.partnershipledger.events.common.EvidenceType;
import org.partnershipledger.events.partnership.*;
import org.partnershipledger.events.program.ProgramEvent;
import org.partnershipledger.query.history.LoggedEvent;
import org.partnershipledger.query.partnership.PartnershipView;
import org.partnershipledger.query.program.ProgramView;

/**
 * What a partner organisation may read: the one place the rule is written, for every read a partner can reach
 * (docs/api.md, "What a partner sees"). Every shape goes through it: the partnership, its list line, its programs,
 * and every history entry (the history, the governance pack, the cost-sharing history, the pivot log).
 * <ol>
 * <li><b>Partnerships</b>: only those where it was shortlisted ({@link PartnerScope}); any other does not exist.</li>
 * <li><b>Of a partnership</b>: what the partnership is (id, name, client, vision, KPIs, stage, when opened; its
 *     version and last change say when it changed, not what); its own candidacy (role, status, due diligence with
 *     evidence, the reasons it was selected, declined or offboarded); the concerns it raised or that name it.
 *     Nothing about other candidates, no cost sharing, no governance charter or business reviews (nor the review
 *     an entry's decision names: {@link #shown}), no end reason.</li>
 * <li><b>Programs</b>: those it works on, that is every program of a partnership where it is or was selected (a
 *     program names no partner, so the partnership's selection is what links them).</li>
 * <li><b>History entries</b>: the events of those things: its own shortlisting, due diligence, selection, decline
 *     or offboarding; the raising and resolving of its concerns; every event of its programs. Nothing else, and
 *     nothing of a type this version does not know.</li>
 * <li><b>Revocation</b>: once declined or offboarded it reads, read-only, all of the above as it was at that
 *     event (included), and nothing recorded after it: partnership events up to that version, program events up to
 *     that instant.</li>
 * </ol>
 * The standing each rule needs is folded from the same read model that is being shown (the stored view, or the
 * event log's own partnership events), so a read never mixes a cut-off from one read model with data from another.
 */
public final class PartnerPolicy {

    private final String organizationId;

    public PartnerPolicy(String organizationId) {
        this.organizationId = Objects.requireNonNull(organizationId);
    }

    public String organizationId() {
        return organizationId;
    }

    /**
     * What the organisation is in one partnership.
     *
     * @param partnerId     its candidate id there
     * @param selected      whether it is, or was until it left, a selected partner
     * @param leftAtVersion the partnership's version at its decline or offboarding; null while it takes part
     * @param leftAt        when it was declined or offboarded; null while it takes part
     * @param concernIds    the concerns it raised or that name it
     */
    public record Standing(String partnerId, boolean selected, Long leftAtVersion, Instant leftAt,
                           Set<String> concernIds) {
        public boolean hasLeft() {
            return leftAtVersion != null;
        }
    }

    /** Its standing in the partnership as folded in {@code view}; empty when it was never shortlisted there. */
    public Optional<Standing> standingIn(PartnershipView view) {
        return view.partners.stream().filter(p -> organizationId.equals(p.organizationId)).findFirst()
                .map(own -> new Standing(own.partnerId, own.wasSelected(), own.departureVersion, own.departedAt,
                        view.concerns.stream().filter(c -> organizationId.equals(c.partnerOrganizationId))
                                .map(c -> c.concernId).collect(Collectors.toUnmodifiableSet())));
    }

    /** Its standing folded from the event log's entries of the partnership (in order; other entries are skipped). */
    public Optional<Standing> standingIn(List<LoggedEvent> partnershipEntries) {
        PartnershipView view = new PartnershipView();
        for (LoggedEvent entry : partnershipEntries) {
            if (entry.event() instanceof PartnershipEvent event) {
                view.apply(event, entry.sequence(), entry.timestamp());
            }
        }
        return standingIn(view);
    }

    /**
     * The partnership as this partner may see it, or empty when it may see nothing of it. A partner that left sees
     * it as it was when it left: {@code atVersion} folds the partnership up to a version.
     */
    public Optional<PartnershipView> partnership(PartnershipView view,
                                                 LongFunction<Optional<PartnershipView>> atVersion) {
        Optional<Standing> standing = standingIn(view);
        if (standing.isEmpty()) {
            return Optional.empty();
        }
        PartnershipView shown = view;
        if (standing.get().hasLeft() && view.version > standing.get().leftAtVersion()) {
            shown = atVersion.apply(standing.get().leftAtVersion()).orElse(null);
            if (shown == null) {
                return Optional.empty();
            }
        }
        return Optional.of(minimised(shown));
    }

    /**
     * A program of a partnership as this partner may see it, or empty: only a program it works on, and, once it
     * left, as the program was then ({@code asOf} folds the program up to an instant; empty if it did not exist).
     */
    public Optional<ProgramView> program(ProgramView program, Standing standing,
                                         Function<Instant, Optional<ProgramView>> asOf) {
        if (!standing.selected()) {
            return Optional.empty();
        }
        if (standing.hasLeft() && program.lastChange.isAfter(standing.leftAt())) {
            return asOf.apply(standing.leftAt());
        }
        return Optional.of(program);
    }

    /** The programs of {@link #program}, from a partnership's programs. */
    public List<ProgramView> programs(List<ProgramView> programs, Standing standing,
                                      BiFunction<String, Instant, Optional<ProgramView>> asOf) {
        List<ProgramView> shown = new ArrayList<>();
        for (ProgramView program : programs) {
            program(program, standing, instant -> asOf.apply(program.programId, instant)).ifPresent(shown::add);
        }
        return shown;
    }

    /** Whether this partner may read an entry of its partnership's history. */
    public boolean mayRead(LoggedEvent entry, Standing standing) {
        Object event = entry.event();
        if (event instanceof ProgramEvent) {
            return standing.selected() && (!standing.hasLeft() || !entry.timestamp().isAfter(standing.leftAt()));
        }
        if (!(event instanceof PartnershipEvent)
                || standing.hasLeft() && entry.sequence() > standing.leftAtVersion()) {
            return false;
        }
        return isOwn(event, standing.partnerId()) || concernOf(event).map(standing.concernIds()::contains)
                .orElse(false);
    }

    /**
     * An entry it may read, as it reads it: without the business review that took the decision (its
     * {@code decisionRef}) and without evidence that is a business review, since it reads no reviews (rule 2).
     * Other evidence stays, such as its own due diligence's.
     */
    public LoggedEvent shown(LoggedEvent entry) {
        if (!(entry.payload() instanceof ObjectNode payload)
                || !payload.has("decisionRef") && !payload.path("evidence").isArray()) {
            return entry;
        }
        ObjectNode minimised = payload.deepCopy();
        minimised.remove("decisionRef");
        if (minimised.get("evidence") instanceof ArrayNode evidence) {
            for (int i = evidence.size() - 1; i >= 0; i--) {
                if (EvidenceType.BUSINESS_REVIEW.name().equals(evidence.get(i).path("type").asText())) {
                    evidence.remove(i);
                }
            }
        }
        return new LoggedEvent(entry.position(), entry.eventId(), entry.partnershipId(), entry.aggregateId(),
                entry.aggregateType(), entry.sequence(), entry.type(), entry.timestamp(), entry.actor(), entry.reason(),
                entry.summary(), minimised, entry.correlationId(), entry.causationId(), entry.event());
    }

    private static boolean isOwn(Object event, String partnerId) {
        String about = event instanceof CandidateShortlisted e ? e.partnerId()
                : event instanceof DueDiligenceAssessed e ? e.partnerId()
                : event instanceof PartnerSelected e ? e.partnerId()
                : event instanceof CandidateDeclined e ? e.partnerId()
                : event instanceof PartnerOffboarded e ? e.partnerId()
                : null;
        return partnerId.equals(about);
    }

    private static Optional<String> concernOf(Object event) {
        if (event instanceof ConcernRaised e) {
            return Optional.of(e.concernId());
        }
        if (event instanceof ConcernResolved e) {
            return Optional.of(e.concernId());
        }
        return Optional.empty();
    }

    /** A copy with only what the partner may see of it (rule 2). */
    private PartnershipView minimised(PartnershipView view) {
        PartnershipView shown = new PartnershipView();
        shown.partnershipId = view.partnershipId;
        shown.name = view.name;
        shown.client = view.client;
        shown.stage = view.stage;
        shown.vision = view.vision;
        shown.kpis = List.copyOf(view.kpis);
        shown.partners = view.partners.stream().filter(p -> organizationId.equals(p.organizationId)).toList();
        shown.concerns = view.concerns.stream().filter(c -> organizationId.equals(c.partnerOrganizationId)).toList();
        shown.openedAt = view.openedAt;
        shown.lastChange = view.lastChange;
        shown.version = view.version;
        return shown;
    }
}
