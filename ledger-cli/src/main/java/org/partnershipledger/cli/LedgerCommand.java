package org.partnershipledger.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ledger} command line. */
@Command(name = "ledger", mixinStandardHelpOptions = true, version = "Partnership Ledger 0.1.0",
        description = "Runs and operates the Partnership Ledger.",
        subcommands = {UpCommand.class, StatusCommand.class, CheckCommand.class, ReplayCommand.class,
                ExportCommand.class, AuditPackCommand.class, VerifyCommand.class})
public class LedgerCommand {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.exit(new CommandLine(new LedgerCommand()).execute(args));
    }
}
