package org.partnershipledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.partnershipledger.audit.note.Checkpoint;
import org.partnershipledger.audit.note.NoteException;
import org.partnershipledger.audit.pack.AuditPack;
import org.partnershipledger.audit.pack.AuditPackJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Fetches the audit pack of a partnership for someone who will check it elsewhere with {@code ledger verify}. It
 * shows the pack's key fingerprint and tree size as the pack states them, unverified, so the user knows which key
 * to ask for out of band and which checkpoint to keep for next time.
 */
@Command(name = "audit-pack", mixinStandardHelpOptions = true,
        description = {"Download a partnership's audit pack: its events and its programs' events, with proofs that "
                + "they are in the ledger's signed log, to check offline with ledger verify.",
                "Exit codes: 0 written, 1 the ledger refused (its problem code is printed), 2 usage error, or the "
                        + "ledger unreachable, failing or breaking off (the file is then left as it was)."})
class AuditPackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PARTNERSHIP_ID", description = "The partnership.")
    String partnershipId;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced whole).")
    Path out;

    @Option(names = "--since", paramLabel = "TREE_SIZE",
            description = "The tree size of a checkpoint you kept: the pack then also proves the log only grew since "
                    + "it. Repeatable.")
    List<Long> since = new ArrayList<>();

    @Mixin
    Connection connection;

    @Override
    public Integer call() {
        CommandLine line = spec.commandLine();
        if (since.stream().anyMatch(size -> size < 0)) {
            throw new CommandLine.ParameterException(line, "--since is a tree size, never negative");
        }
        Path directory = out.toAbsolutePath().getParent();
        if (Files.isDirectory(out) || !Files.isDirectory(directory)) {
            line.getErr().println("Cannot write " + out + ": " + (Files.isDirectory(out) ? "it is a directory"
                    : "no directory " + directory));
            return 2;
        }
        try {
            HttpResponse<InputStream> response = connection.api("board").get(path());
            long bytes = new Download(line.getErr()).to(response, out);
            return describe(bytes, line.getOut(), line.getErr());
        } catch (LedgerApi.Failure failure) {
            line.getErr().println(failure.getMessage());
            return failure.refused() ? 1 : 2;
        } catch (IOException e) {
            line.getErr().println("The download broke off, " + out + " is left as it was: " + e.getMessage());
            return 2;
        }
    }

    private String path() {
        String query = since.stream().map(size -> "since=" + size).collect(Collectors.joining("&"));
        return "/api/partnerships/" + URLEncoder.encode(partnershipId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/audit-pack" + (query.isEmpty() ? "" : "?" + query);
    }

    /** What the pack says about itself; nothing here is verified yet, which the output says. */
    private int describe(long bytes, PrintWriter stdout, PrintWriter stderr) {
        stdout.printf("Wrote %s (%d bytes)%n", out.toAbsolutePath(), bytes);
        AuditPack pack;
        Checkpoint checkpoint;
        try {
            pack = AuditPackJson.read(TextFiles.read(out, "audit pack"));
            checkpoint = unverified(pack.checkpoint());
        } catch (IllegalArgumentException | NoteException e) {
            stderr.println("But it is not a readable audit pack: " + e.getMessage());
            return 1;
        } catch (UsageError e) {
            stderr.println(e.getMessage());
            return 2;
        }
        stdout.printf("  %s: %d events%n", pack.subject(), pack.events().size());
        stdout.printf("  checkpoint: log %s, tree size %d (keep it for --since next time)%n", checkpoint.origin(),
                checkpoint.size());
        stdout.printf("  signed by the key %s, as the pack claims: compare it with the fingerprint you were given%n",
                pack.publicKeyFingerprint());
        stdout.printf("Check it with: ledger verify %s --key <verifier key>%n", out);
        return 0;
    }

    /** The checkpoint in a signed note, read without checking the signature: that is ledger verify's job. */
    private static Checkpoint unverified(String note) {
        int end = note.indexOf("\n\n");
        if (end < 0) {
            throw new NoteException("the checkpoint is not a signed note");
        }
        return Checkpoint.parse(note.substring(0, end + 1));
    }
}
