package org.partnershipledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.common.AggregateCommand;

/** A refusal names the aggregate ("No such program: p-1"); the command says which, not its package. */
class CommandsNameTheirAggregateTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.partnershipledger.command");

    @Test
    void everyCommandOnAnAggregateNamesIt() {
        fields().that().areAnnotatedWith(TargetAggregateIdentifier.class)
                .should().beDeclaredInClassesThat().areAssignableTo(AggregateCommand.class)
                .check(classes);
    }
}
