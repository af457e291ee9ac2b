package org.partnershipledger.query.program;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.partnershipledger.events.common.Evidence;
import org.partnershipledger.events.program.*;
import org.partnershipledger.query.readmodel.StoredRows;

/**
 * What the board sees of a program, folded from its events: status, the current curriculum and every earlier
 * version, localisations (with the core version each adapts and its last review), cohorts and their delivery, every
 * impact record (withdrawn ones kept, marked), the measurement plan and curated content.
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
    public MeasurementPlan measurementPlan;
    public List<Curation> curations = new ArrayList<>();
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

    /**
     * A localisation and the core curriculum version it adapts ({@code coreVersion}; null only in a document stored
     * before localisations carried it). The drift fields (current core version, versions behind, needs review,
     * modules added and removed since) are worked out when it is read ({@link LocalizationDrift}), never stored.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Localization(String localizationId, String region, String language, String timeZone,
                               List<String> adaptations, Instant at, Integer coreVersion,
                               LocalizationReview lastReview, Integer currentCoreVersion, Integer versionsBehind,
                               Boolean needsReview, List<CurriculumModule> modulesAddedSince,
                               List<CurriculumModule> modulesRemovedSince) {

        Localization reviewed(String timeZone, List<String> adaptations, int coreVersion, LocalizationReview review) {
            return new Localization(localizationId, region, language, timeZone, adaptations, at, coreVersion,
                    review, null, null, null, null, null);
        }
    }

    /** The last time a localisation was held against the core: CONFIRMED as it was, or UPDATED with what changed. */
    public record LocalizationReview(String outcome, int fromCoreVersion, int coreVersion, List<String> changes,
                                     String reason, String actor, Instant at, List<Evidence> evidence,
                                     String decisionRef) {
    }

    /** The measurement plan in force, and who set it, when and why. */
    public record MeasurementPlan(List<PlannedMeasure> levels, boolean replaced, String reason, String actor,
                                  Instant at, List<Evidence> evidence, String decisionRef) {
    }

    /** Content a business unit customised or sourced for a gap of the program; ACTIVE until RETIRED. */
    public static class Curation {
        public String curationId;
        public CurationApproach approach;
        public String title;
        public String uri;
        public String provider;
        public String businessUnit;
        public String curator;
        public String gap;
        public String moduleId;
        public String moduleTitle;
        public String rationale;
        public List<Evidence> evidence;
        public String decisionRef;
        public String actor;
        public Instant curatedAt;
        public String status;
        public String retirementReason;
        public Instant retiredAt;
        /** Learning records (XAPI_STATEMENT references) that show the content sourced or customised in practice. */
        public List<Evidence> uses = new ArrayList<>();
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
            // one stored before localisations named their core version adapts the version in force then
            localizations.add(new Localization(e.localizationId(), e.region(), e.language(), e.timeZone(),
                    e.adaptations(), at, e.coreVersion() == null ? curriculum.version() : e.coreVersion(), null,
                    null, null, null, null, null));
        } else if (event instanceof LocalizationConfirmed e) {
            LocalizationReview review = new LocalizationReview("CONFIRMED", e.fromCoreVersion(), e.coreVersion(),
                    List.of(), reason, actor, at, e.evidence(), e.decisionRef());
            localizations.replaceAll(l -> l.localizationId().equals(e.localizationId())
                    ? l.reviewed(l.timeZone(), l.adaptations(), e.coreVersion(), review) : l);
        } else if (event instanceof LocalizationUpdated e) {
            LocalizationReview review = new LocalizationReview("UPDATED", e.fromCoreVersion(), e.coreVersion(),
                    e.changes(), e.reason(), actor, at, e.evidence(), e.decisionRef());
            localizations.replaceAll(l -> l.localizationId().equals(e.localizationId())
                    ? l.reviewed(e.timeZone(), e.adaptations(), e.coreVersion(), review) : l);
        } else if (event instanceof MeasurementPlanSet e) {
            measurementPlan = new MeasurementPlan(e.levels(), e.replaced(), reason, actor, at, e.evidence(),
                    e.decisionRef());
        } else if (event instanceof ContentCurated e) {
            curations.add(curation(e, actor, at));
        } else if (event instanceof CurationUseRecorded e) {
            curations.stream().filter(c -> c.curationId.equals(e.curationId())).findFirst()
                    .ifPresent(curation -> curation.uses.addAll(e.evidence()));
        } else if (event instanceof CurationRetired e) {
            curations.stream().filter(c -> c.curationId.equals(e.curationId())).findFirst().ifPresent(curation -> {
                curation.status = "RETIRED";
                curation.retirementReason = e.reason();
                curation.retiredAt = at;
            });
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
            impactById(e.impactId()).ifPresent(impact -> {
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

    /** A record by its id; kept rows are then read one alone, not all of them. */
    private Optional<Impact> impactById(String impactId) {
        return impacts instanceof StoredRows<Impact> stored ? stored.byKey(impactId)
                : impacts.stream().filter(i -> i.impactId.equals(impactId)).findFirst();
    }

    private Curation curation(ContentCurated e, String actor, Instant at) {
        Curation curation = new Curation();
        curation.curationId = e.curationId();
        curation.approach = e.approach();
        curation.title = e.title();
        curation.uri = e.uri();
        curation.provider = e.provider();
        curation.businessUnit = e.businessUnit();
        curation.curator = e.curator();
        curation.gap = e.gap();
        if (e.moduleId() != null) {
            curation.moduleId = e.moduleId().value();
            curation.moduleTitle = curriculum.modules().stream().filter(m -> m.moduleId().equals(e.moduleId()))
                    .map(CurriculumModule::title).findFirst().orElse(null);
        }
        curation.rationale = e.rationale();
        curation.evidence = e.evidence();
        curation.decisionRef = e.decisionRef();
        curation.actor = actor;
        curation.curatedAt = at;
        curation.status = "ACTIVE";
        return curation;
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
