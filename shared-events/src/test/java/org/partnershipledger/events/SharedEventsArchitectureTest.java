package org.partnershipledger.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The public language depends on nothing but the JDK, two annotations, and itself. */
class SharedEventsArchitectureTest {

    static final JavaClasses EVENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.partnershipledger.events");

    @Test
    void eventsDependOnNoFrameworkButTheRevisionAndJsonAnnotations() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.partnershipledger.events..",
                        "com.fasterxml.jackson.annotation..", "org.axonframework.serialization..")
                .check(EVENTS);
    }

    @Test
    void everyEventIsARecordWithARevision() {
        // events are named in the past tense; the values they carry (ids, Kpi, CostShare, ...) are not events
        classes().that().haveNameMatching(".*\\.[A-Za-z]+(ed|Held|Set)$").and().areNotEnums()
                .should().beAnnotatedWith(org.axonframework.serialization.Revision.class)
                .andShould().beRecords()
                .check(EVENTS);
    }

    @Test
    void everyEventNamesItsAggregateByType() {
        // readers tell a partnership's events from a program's by type, never by package or by a string
        classes().that().areAnnotatedWith(org.axonframework.serialization.Revision.class)
                .and().resideInAPackage("..events.partnership")
                .should().implement(org.partnershipledger.events.partnership.PartnershipEvent.class)
                .check(EVENTS);
        classes().that().areAnnotatedWith(org.axonframework.serialization.Revision.class)
                .and().resideInAPackage("..events.program")
                .should().implement(org.partnershipledger.events.program.ProgramEvent.class)
                .check(EVENTS);
    }
}
