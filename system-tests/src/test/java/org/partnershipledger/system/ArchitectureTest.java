package org.partnershipledger.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The two sides share only the public language of events and the platform; neither knows the other. */
class ArchitectureTest {

    static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.partnershipledger");

    @Test
    void theCommandSideNeverTouchesTheQuerySide() {
        noClasses().that().resideInAPackage("org.partnershipledger.command..")
                .should().dependOnClassesThat().resideInAPackage("org.partnershipledger.query..")
                .check(LEDGER);
    }

    @Test
    void theQuerySideNeverTouchesTheCommandSide() {
        noClasses().that().resideInAPackage("org.partnershipledger.query..")
                .should().dependOnClassesThat().resideInAPackage("org.partnershipledger.command..")
                .check(LEDGER);
    }

    @Test
    void thePlatformServesBothSidesWithoutKnowingEither() {
        noClasses().that().resideInAPackage("org.partnershipledger.platform..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.partnershipledger.command..", "org.partnershipledger.query..")
                .check(LEDGER);
    }

    @Test
    void eventsKnowNothingOfSpringOrPersistence() {
        noClasses().that().resideInAPackage("org.partnershipledger.events..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..")
                .check(LEDGER);
    }
}
