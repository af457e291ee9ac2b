package org.partnershipledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.partnershipledger.command.common.AggregateCommand;
import org.partnershipledger.command.common.ReasonedCommand;

/** Every command accepts a reason (docs/domain.md lists those that require one), recorded in its events' metadata. */
class EveryCommandSaysWhyTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.partnershipledger.command");

    @Test
    void everyCommandAcceptsAReason() {
        classes().that().areAssignableTo(AggregateCommand.class).and().areNotInterfaces()
                .should().beAssignableTo(ReasonedCommand.class)
                .check(classes);
    }
}
