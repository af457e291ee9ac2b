package org.partnershipledger.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noConstructors;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.partnershipledger.query.readmodel.Owns;
import org.partnershipledger.query.readmodel.ReadModels;
import org.partnershipledger.query.readmodel.ViewStore;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two sides share only the public language of events and the platform; neither knows the other. On the query
 * side, packages depend on each other one way only, and a projection reaches its tables only through the
 * {@code Tables} it is given, so a rebuild cannot write into the live tables.
 */
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

    @Test
    void theQuerySidesPackagesDependOnEachOtherOneWayOnly() {
        slices().matching("org.partnershipledger.query.(*)..").should().beFreeOfCycles().check(LEDGER);
    }

    static final DescribedPredicate<JavaClass> PROJECTIONS = DescribedPredicate.describe("projections",
            type -> type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EventHandler.class)));

    static final DescribedPredicate<JavaClass> REPLAYED_PROJECTIONS = DescribedPredicate.describe(
            "projections that replay", type -> type.getMethods().stream().anyMatch(
                    method -> method.isAnnotatedWith(EventHandler.class) && !method.isAnnotatedWith(DisallowReplay.class)
                            && !type.isAnnotatedWith(DisallowReplay.class)));

    @Test
    void everyReplayedProjectionDeclaresTheTablesItOwns() {
        // the audit log is no read model: append-only, never rebuilt (a leaf's index is part of every proof)
        classes().that().resideInAPackage("org.partnershipledger.query..")
                .and().resideOutsideOfPackage("org.partnershipledger.query.audit..").and(REPLAYED_PROJECTIONS)
                .should().beAnnotatedWith(Owns.class)
                .because("a rebuild must know a projection's tables to run a copy of it into fresh ones")
                .check(LEDGER);
    }

    @Test
    void projectionsAndTheirStoresNeverHoldARawConnection() {
        noClasses().that().resideInAPackage("org.partnershipledger.query..")
                .and(PROJECTIONS.or(JavaClass.Predicates.assignableTo(ViewStore.class)))
                .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
                .because("writes go through the Tables a projection is given, bound to the live tables or a "
                        + "rebuild's copies")
                .check(LEDGER);
    }

    @Test
    void projectionsAreGivenTheirTablesNotTheLiveOnes() {
        noClasses().that().resideInAPackage("org.partnershipledger.query..").and(PROJECTIONS)
                .should().dependOnClassesThat().belongToAnyOf(ReadModels.class)
                .check(LEDGER);
        // a store a projection writes is one it made from its own Tables, never the readers' (live) one
        noConstructors().that().areDeclaredInClassesThat(PROJECTIONS)
                .should().haveRawParameterTypes(DescribedPredicate.describe("a view store",
                        (List<JavaClass> types) -> types.stream().anyMatch(t -> t.isAssignableTo(ViewStore.class))))
                .check(LEDGER);
    }
}
