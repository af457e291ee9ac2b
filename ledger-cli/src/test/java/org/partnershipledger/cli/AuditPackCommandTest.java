package org.partnershipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ledger audit-pack}: against a stand-in query side serving a real pack. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AuditPackCommandTest {

    private static final String PACK_PATH = "/api/partnerships/P-1/audit-pack";

    @TempDir
    Path dir;

    private final SignedLog log = SignedLog.partnershipWithAProgram(SignedLog.newKey());
    private StandInLedger ledger;

    @AfterEach
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void aPackIsDownloadedWithAProgressBarAndWrittenWhole() throws Exception {
        String pack = log.packJson(2L, 4L);
        ledger = new StandInLedger().on("GET", PACK_PATH, StandInLedger.Answer.json(200, pack));
        Path out = dir.resolve("audit-pack-P-1.json");

        Cli.Run run = Cli.ledger("audit-pack", "P-1", "--out", out.toString(), "--since", "2", "--since", "4",
                "--url", ledger.url());

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(Files.readString(out)).isEqualTo(pack);
        assertThat(ledger.requests).containsExactly("GET " + PACK_PATH + "?since=2&since=4");
        assertThat(ledger.authorizations).allSatisfy(header -> assertThat(
                new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8))
                .startsWith("board:"));
        int length = pack.getBytes(StandardCharsets.UTF_8).length;
        assertThat(run.err()).contains(ProgressBar.of(1)).contains("100.0%").contains(length + " of " + length);
        assertThat(run.out()).contains(out.toAbsolutePath().toString()).contains(length + " bytes")
                .contains("tree size 6").contains(log.fingerprint());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left").containsExactly(out);
        }
    }

    @Test
    void anUnknownPartnershipExits1WithTheProblemCodeAndWritesNothing() throws Exception {
        ledger = new StandInLedger().on("GET", PACK_PATH,
                StandInLedger.Answer.problem(404, "PARTNERSHIP_NOT_FOUND", "No partnership P-1"));
        Path out = dir.resolve("pack.json");

        Cli.Run run = Cli.ledger("audit-pack", "P-1", "--out", out.toString(), "--url", ledger.url());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("404").contains("PARTNERSHIP_NOT_FOUND").contains("No partnership P-1");
        assertThat(out).doesNotExist();
    }

    @Test
    void anAnswerThatBreaksOffExits2AndLeavesTheEarlierFileAsItWas() throws Exception {
        byte[] pack = log.packJson().getBytes(StandardCharsets.UTF_8);
        byte[] half = java.util.Arrays.copyOf(pack, pack.length / 2);
        Path out = Files.writeString(dir.resolve("pack.json"), "the pack downloaded last week");

        Cli.Run run;
        try (BrokenOffServer server = new BrokenOffServer(half, pack.length)) {
            run = Cli.ledger("audit-pack", "P-1", "--out", out.toString(), "--url", server.url());
        }

        assertThat(run.exit()).as(run.all()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("the pack downloaded last week");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void anUnreachableLedgerExits2() throws Exception {
        ledger = new StandInLedger();
        String url = ledger.url();
        ledger.close();
        ledger = null;

        Cli.Run run = Cli.ledger("audit-pack", "P-1", "--out", dir.resolve("pack.json").toString(), "--url", url);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Cannot reach the ledger");
    }

    @Test
    void aMissingOutIsAUsageError() {
        assertThat(Cli.ledger("audit-pack", "P-1").exit()).isEqualTo(2);
        assertThat(Cli.ledger("audit-pack", "P-1", "--out", dir.resolve("no/such/dir/pack.json").toString())
                .exit()).isEqualTo(2);
    }
}
