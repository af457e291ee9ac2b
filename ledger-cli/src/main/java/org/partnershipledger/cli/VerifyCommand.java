package org.partnershipledger.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * One verb for both ways of asking "is the record intact?": offline, for anyone holding a pack and a key, and against
 * the store, for the operator. They share the exit codes, so a script can treat both alike.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check that events are as the ledger logged them. With a pack: offline, no server needed, "
                + "with a public key you obtained out of band. With --store: the running ledger compares its whole "
                + "event store with its audit log.",
                "Exit codes: 0 valid, 1 tampered or invalid (a malformed pack, or a key that does not match), "
                        + "2 usage error (a missing file, a missing --key) or, with --store, the ledger unreachable "
                        + "or the run failed."})
class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PACK", description = "The audit pack (JSON) to check.")
    Path pack;

    @Option(names = "--key", paramLabel = "KEY",
            description = "The verifier key to trust (<name>+<key id>+<key>), or a file holding it. Get it out of "
                    + "band, never from the pack itself.")
    String key;

    @Option(names = "--since", paramLabel = "CHECKPOINT_FILE",
            description = "A file holding an older signed checkpoint you kept: also check that the log only grew "
                    + "since it.")
    Path since;

    @Option(names = "--store", description = "Verify the running ledger's event store against its audit log (ADMIN).")
    boolean store;

    @Mixin
    Connection connection;

    @Override
    public Integer call() throws Exception {
        CommandLine line = spec.commandLine();
        if (store) {
            if (pack != null || key != null || since != null) {
                throw new CommandLine.ParameterException(line, "--store checks the ledger's own store: it takes no "
                        + "pack, --key or --since");
            }
            return new StoreVerification(connection.api("admin"), line.getOut(), line.getErr(),
                    Duration.ofMillis(500)).run();
        }
        if (pack == null) {
            throw new CommandLine.ParameterException(line, "Missing the audit pack to verify (or --store)");
        }
        if (key == null) {
            throw new CommandLine.ParameterException(line, "Missing required option: '--key=KEY'");
        }
        try {
            return new PackCheck(line.getOut()).run(pack, key, since);
        } catch (UsageError error) {
            line.getErr().println(error.getMessage());
            return 2;
        }
    }
}
