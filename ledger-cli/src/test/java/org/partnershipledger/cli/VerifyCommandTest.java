package org.partnershipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnershipledger.audit.note.NoteSigner;

/** {@code ledger verify <pack> --key}: offline, against packs the audit library itself built and signed. */
class VerifyCommandTest {

    private static final NoteSigner KEY = SignedLog.newKey();

    @TempDir
    Path dir;

    private final SignedLog log = SignedLog.partnershipWithAProgram(KEY);

    @Test
    void aValidPackExits0AndSaysWhatWasVerified() throws Exception {
        Path pack = log.writePack(dir.resolve("pack.json"));

        Cli.Run run = Cli.ledger("verify", pack.toString(), "--key", log.verifierKey());

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("6 events").contains("tree size 6").contains(log.fingerprint())
                .contains("2 aggregate histories").contains("VALID");
        assertThat(run.out()).doesNotContain("INVALID");
    }

    @Test
    void theKeyMayBeAFileHoldingItAsThePublicKeyEndpointServesIt() throws Exception {
        Path pack = log.writePack(dir.resolve("pack.json"));
        Path keyFile = Files.writeString(dir.resolve("ledger.vkey"), log.verifierKey() + "\n");

        Cli.Run run = Cli.ledger("verify", pack.toString(), "--key", keyFile.toString());

        assertThat(run.exit()).as(run.all()).isZero();
    }

    @ParameterizedTest(name = "{0} edited")
    @CsvSource(delimiter = '|', value = {
            "reason  | market moved       | market shifted     | evt-3",
            "actor   | \"bob\"            | \"bobby\"          | evt-1",
            "payload | toVersion\\\":2     | toVersion\\\":3     | evt-3"})
    void aPackWithOneFieldEditedByHandExits1NamingTheEvent(String field, String from, String to, String event)
            throws Exception {
        String json = log.packJson();
        assertThat(json).as("the fixture holds %s once", from).containsOnlyOnce(from);
        Path pack = Files.writeString(dir.resolve("pack.json"), json.replace(from, to));

        Cli.Run run = Cli.ledger("verify", pack.toString(), "--key", log.verifierKey());

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID").contains("(id " + event + ")").contains("changed or moved");
    }

    @Test
    void aPackCheckedWithAnotherKeyExits1() throws Exception {
        Path pack = log.writePack(dir.resolve("pack.json"));
        String otherKey = SignedLog.newKey().verifier().verifierKey();

        Cli.Run run = Cli.ledger("verify", pack.toString(), "--key", otherKey);

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID").contains(log.fingerprint());
    }

    @Test
    void anOlderCheckpointTheLogGrewFromVerifiesWithSince() throws Exception {
        SignedLog growing = new SignedLog(KEY)
                .record("Partnership", "P-1", "PartnershipOpened", "{}", "alice", "kick-off")
                .record("Partnership", "P-1", "PartnershipApproved", "{}", "alice", "approved");
        Path older = Files.writeString(dir.resolve("older.checkpoint"), growing.checkpoint());
        growing.record("Partnership", "P-1", "ReviewHeld", "{}", "alice", "Q2 review")
                .record("Partnership", "P-1", "PartnershipEnded", "{}", "alice", "done");
        Path pack = growing.writePack(dir.resolve("pack.json"), 2L);

        Cli.Run run = Cli.ledger("verify", pack.toString(), "--key", growing.verifierKey(), "--since",
                older.toString());

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("only grew").contains("2 entries");
    }

    @Test
    void anOlderCheckpointOfARewrittenHistoryExits1WithSince() throws Exception {
        SignedLog rewritten = new SignedLog(KEY)
                .record("Partnership", "P-1", "PartnershipOpened", "{}", "alice", "kick-off")
                .record("Partnership", "P-1", "PartnershipRejected", "{}", "alice", "not approved");
        Path older = Files.writeString(dir.resolve("older.checkpoint"), rewritten.checkpoint());
        Path pack = log.writePack(dir.resolve("pack.json"), 2L);

        Cli.Run run = Cli.ledger("verify", pack.toString(), "--key", log.verifierKey(), "--since", older.toString());

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID").contains("rewritten");
    }

    @Test
    void malformedJsonExits1() throws Exception {
        Path pack = Files.writeString(dir.resolve("pack.json"), "{\"format\": \"partnership-ledger/audit-pack/v1\",");

        Cli.Run run = Cli.ledger("verify", pack.toString(), "--key", log.verifierKey());

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID").contains("not a readable audit pack");
    }

    @Test
    void aMissingPackFileIsAUsageError() {
        Cli.Run run = Cli.ledger("verify", dir.resolve("nowhere.json").toString(), "--key", log.verifierKey());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("No such file").contains("nowhere.json");
    }

    @Test
    void aMissingKeyIsAUsageError() throws Exception {
        Path pack = log.writePack(dir.resolve("pack.json"));

        Cli.Run run = Cli.ledger("verify", pack.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--key");
    }

    @Test
    void aKeyThatIsNeitherAFileNorAKeyIsAUsageError() throws Exception {
        Path pack = log.writePack(dir.resolve("pack.json"));

        Cli.Run run = Cli.ledger("verify", pack.toString(), "--key", dir.resolve("typo.vkey").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("neither a file nor a verifier key");
    }

    @Test
    void aMissingSinceFileIsAUsageError() throws Exception {
        Path pack = log.writePack(dir.resolve("pack.json"));

        Cli.Run run = Cli.ledger("verify", pack.toString(), "--key", log.verifierKey(), "--since",
                dir.resolve("kept.checkpoint").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("No such file");
    }

    @Test
    void storeTakesNoPackAndNoPackNeedsStore() throws Exception {
        Path pack = log.writePack(dir.resolve("pack.json"));

        assertThat(Cli.ledger("verify", "--store", pack.toString()).exit()).isEqualTo(2);
        assertThat(Cli.ledger("verify", "--key", log.verifierKey()).exit()).isEqualTo(2);
    }

    @Test
    void theUsageListsTheAuditCommands() {
        Cli.Run run = Cli.ledger("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("verify").contains("audit-pack");
    }
}
