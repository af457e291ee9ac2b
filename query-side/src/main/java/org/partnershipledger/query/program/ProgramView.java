package org.partnershipledger.query.program;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.partnershipledger.events.program.*;

/**
 * What the board sees of a program, folded from its events: status, the current curriculum and every earlier
 * version, localisations, cohorts and their delivery, and every impact record (withdrawn ones kept, marked).
 * The same fold serves the stored read model and time travel.
 */
public class ProgramView {

    public String programId;
    public String partnershipId;
    public String title;
    public List<String> objectives = new ArrayList<>();
    public String audience;
    public String status;
    public String approvedBy;
    public String closingReason;
    public List<String> kpiTargets = new ArrayList<>();
    public Curriculum curriculum;
    public List<CurriculumVersion> curriculumHistory = new ArrayList<>();
    public List<Localization> localizations = new ArrayList<>();
    public List<Cohort> cohorts = new ArrayList<>();
    public List<Impact> impacts = new ArrayList<>();
    public Instant proposedAt;
    public Instant lastChange;
    public long version = -1;

    public record Curriculum(int version, List<CurriculumModule> modules) {
    }

    /** One version of the curriculum and how it came about (PROPOSED, CO_CREATED or PIVOTED). */
    public record CurriculumVersion(int version, List<CurriculumModule> modules, String origin, String reason,
                                    PivotTrigger trigger, String approvedBy, String actor, Instant at,
                                    LocalDate effectiveFrom, List<CurriculumModule> added, List<CurriculumModule> removed) {
    }

    public record Localization(String localizationId, String region, String language, String timeZone,
                               List<String> adaptations, Instant at) {
    }

    public static class Cohort {
        public String cohortId;
        public String region;
        public LocalDate startsOn;
        public int participants;
        public LocalDate deliveredOn;
        public Integer participantsCompleted;
        public String facilitator;
    }

    public static class Impact {
        public String impactId;
        public int level;
        public String kpiId;
        public BigDecimal value;
        public String unit;
        public String cohortId;
        public String region;
        public LocalDate periodStart;
        public LocalDate periodEnd;
        public ImpactSource source;
        public List<String> evidence;
        public BigDecimal cost;
        public BigDecimal monetaryBenefit;
        public int curriculumVersion;
        public Instant recordedAt;
        public boolean withdrawn;
        public String withdrawalReason;
        /** The sequence number of the event that recorded it, which orders a program's records. */
        @JsonIgnore
        public long sequence;
    }

    /** Applies one event of this program; events arrive in sequence order. */
    public void apply(Object event, long sequence, Instant at, String actor, String reason) {
        if (event instanceof ProgramProposed e) {
            programId = e.programId().value();
            partnershipId = e.partnershipId().value();
            title = e.title();
            objectives = new ArrayList<>(e.objectives());
            audience = e.audience();
            kpiTargets = new ArrayList<>(e.kpiTargets());
            status = "PROPOSED";
            curriculum = new Curriculum(e.curriculumVersion(), e.modules());
            curriculumHistory.add(new CurriculumVersion(e.curriculumVersion(), e.modules(), "PROPOSED", reason, null,
                    null, actor, at, null, e.modules(), List.of()));
            proposedAt = at;
        } else if (event instanceof ModuleCoCreated e) {
            List<CurriculumModule> modules = new ArrayList<>(curriculum.modules());
            modules.add(new CurriculumModule(e.moduleId(), e.title()));
            curriculum = new Curriculum(curriculum.version(), modules);
            // the module joins the current version of the curriculum, and the list of what that version added
            CurriculumVersion current = curriculumHistory.remove(curriculumHistory.size() - 1);
            List<CurriculumModule> added = new ArrayList<>(current.added());
            added.add(new CurriculumModule(e.moduleId(), e.title()));
            curriculumHistory.add(new CurriculumVersion(current.version(), modules, current.origin(),
                    current.reason(), current.trigger(), current.approvedBy(), current.actor(), current.at(),
                    current.effectiveFrom(), added, current.removed()));
        } else if (event instanceof ProgramApproved e) {
            status = "APPROVED";
            approvedBy = e.approvedBy();
        } else if (event instanceof ProgramRejected e) {
            status = "REJECTED";
            closingReason = e.reason();
        } else if (event instanceof ProgramLocalized e) {
            localizations.add(new Localization(e.localizationId(), e.region(), e.language(), e.timeZone(),
                    e.adaptations(), at));
        } else if (event instanceof CohortScheduled e) {
            Cohort cohort = new Cohort();
            cohort.cohortId = e.cohortId();
            cohort.region = e.region();
            cohort.startsOn = e.startsOn();
            cohort.participants = e.participants();
            cohorts.add(cohort);
        } else if (event instanceof CohortDelivered e) {
            cohorts.stream().filter(c -> c.cohortId.equals(e.cohortId())).findFirst().ifPresent(cohort -> {
                cohort.deliveredOn = e.deliveredOn();
                cohort.participantsCompleted = e.participantsCompleted();
                cohort.facilitator = e.facilitator();
            });
        } else if (event instanceof CurriculumPivoted e) {
            List<CurriculumModule> removed = curriculum.modules().stream()
                    .filter(m -> e.removedModules().contains(m.moduleId())).toList();
            curriculum = new Curriculum(e.toVersion(), e.modules());
            curriculumHistory.add(new CurriculumVersion(e.toVersion(), e.modules(), "PIVOTED", e.reason(),
                    e.trigger(), e.approvedBy(), actor, at, e.effectiveFrom(), e.addedModules(), removed));
        } else if (event instanceof ImpactRecorded e) {
            Impact impact = impact(e, at);
            impact.sequence = sequence;
            impacts.add(impact);
        } else if (event instanceof ImpactWithdrawn e) {
            impacts.stream().filter(i -> i.impactId.equals(e.impactId())).findFirst().ifPresent(impact -> {
                impact.withdrawn = true;
                impact.withdrawalReason = e.reason();
            });
        } else if (event instanceof ProgramRetired e) {
            status = "RETIRED";
            closingReason = e.reason();
        }
        // an event this view does not show still moves its version
        version = sequence;
        lastChange = at;
    }

    private static Impact impact(ImpactRecorded e, Instant at) {
        Impact impact = new Impact();
        impact.impactId = e.impactId();
        impact.level = e.level();
        impact.kpiId = e.kpiId();
        impact.value = e.value();
        impact.unit = e.unit();
        impact.cohortId = e.cohortId();
        impact.region = e.region();
        impact.periodStart = e.periodStart();
        impact.periodEnd = e.periodEnd();
        impact.source = e.source();
        impact.evidence = e.evidence();
        impact.cost = e.cost();
        impact.monetaryBenefit = e.monetaryBenefit();
        impact.curriculumVersion = e.curriculumVersion();
        impact.recordedAt = at;
        return impact;
    }
}
