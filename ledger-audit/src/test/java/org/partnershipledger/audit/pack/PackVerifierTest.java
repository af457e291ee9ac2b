package org.partnershipledger.audit.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnershipledger.audit.note.NoteSigner;

/** The offline verifier on packs as a board member would get them: as JSON text, possibly edited by someone. */
class PackVerifierTest {

    final LoggedLedger ledger = LoggedLedger.withTwoPartnerships();
    final PackVerifier verifier = new PackVerifier(LoggedLedger.KEY.verifier());

    @Test
    void aPackAsDownloadedVerifies() {
        String json = AuditPackJson.write(ledger.packOf("P-1", "PRG-1"));

        VerificationResult result = verifier.verify(AuditPackJson.read(json));

        assertThat(result.valid()).isTrue();
        assertThat(result.verified()).anyMatch(line -> line.startsWith("5 events:"))
                .anyMatch(line -> line.startsWith("2 aggregate histories"));
    }

    @Test
    void aReasonChangedByHandInThePackFailsOffline() {
        String json = AuditPackJson.write(ledger.packOf("P-1", "PRG-1"));

        VerificationResult result = verifier.verify(AuditPackJson.read(json.replace("market moved", "market shifted")));

        assertThat(result.valid()).isFalse();
        assertThat(result.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .startsWith("event #4 (id evt-4): its leaf does not match the proof")
                .contains("changed or moved since it was logged"));
    }

    @Test
    void aPackBuiltAgainstOneKeyFailsWithAnother() {
        AuditPack pack = AuditPackJson.read(AuditPackJson.write(ledger.packOf("P-1", "PRG-1")));
        NoteSigner otherSigner = NoteSigner.generate("ledger.example.org", new SecureRandom());
        PackVerifier otherKey = new PackVerifier(otherSigner.verifier());

        assertThat(otherKey.verify(pack).failure()).hasValueSatisfying(failure ->
                assertThat(failure).contains("the key you supplied has fingerprint"));
    }

    @Test
    void aPackWhoseFingerprintWasForgedStillFailsOnTheSignature() {
        NoteSigner otherSigner = NoteSigner.generate("ledger.example.org", new SecureRandom());
        AuditPack pack = ledger.packOf("P-1", "PRG-1");
        AuditPack forged = new AuditPack(pack.format(), pack.subject(), pack.howToVerify(),
                otherSigner.verifier().fingerprint(), pack.checkpoint(), pack.events(), pack.consistencyProofs());

        assertThat(new PackVerifier(otherSigner.verifier()).verify(forged).failure()).hasValueSatisfying(failure ->
                assertThat(failure).startsWith("the pack's checkpoint does not verify"));
    }

    @Test
    void aCheckpointWhoseTreeSizeWasEditedFails() {
        AuditPack pack = ledger.packOf("P-1", "PRG-1");
        String edited = pack.checkpoint().replaceFirst("\n7\n", "\n6\n");

        VerificationResult result = verifier.verify(withCheckpoint(pack, edited));

        assertThat(result.failure()).hasValueSatisfying(failure ->
                assertThat(failure).contains("changed after signing"));
    }

    @Test
    void aSwappedPairOfEventsFails() {
        AuditPack pack = ledger.packOf("P-1", "PRG-1");
        List<PackEvent> events = new ArrayList<>(pack.events());
        PackEvent first = events.get(1);
        PackEvent second = events.get(3);
        events.set(1, new PackEvent(first.logIndex(), second.entry(), first.inclusionProof()));
        events.set(3, new PackEvent(second.logIndex(), first.entry(), second.inclusionProof()));

        VerificationResult result = verifier.verify(withEvents(pack, events));

        assertThat(result.failure()).hasValueSatisfying(failure ->
                assertThat(failure).startsWith("event #2 (id " + second.entry().eventId() + "): its leaf does not"));
    }

    @Test
    void anEventLeftOutOfThePackIsNoticed() {
        AuditPack pack = ledger.packOf("P-1", "PRG-1");
        List<PackEvent> events = new ArrayList<>(pack.events());
        events.removeIf(event -> event.entry().eventType().equals("CurriculumPivoted"));

        VerificationResult result = verifier.verify(withEvents(pack, events));

        assertThat(result.failure()).hasValueSatisfying(failure ->
                assertThat(failure).startsWith("Program PRG-1:").contains("an event is missing from the pack"));
    }

    @Test
    void aTamperedInclusionProofFails() {
        AuditPack pack = ledger.packOf("P-1", "PRG-1");
        List<PackEvent> events = new ArrayList<>(pack.events());
        PackEvent event = events.get(0);
        List<byte[]> proof = new ArrayList<>(event.inclusionProof());
        proof.set(0, new byte[32]);
        events.set(0, new PackEvent(event.logIndex(), event.entry(), proof));

        assertThat(verifier.verify(withEvents(pack, events)).valid()).isFalse();
    }

    @Test
    void erasedPersonalFieldsStillVerify() {
        AuditPack pack = ledger.packOf("P-1", "PRG-1");
        List<PackEvent> shredded = pack.events().stream()
                .map(event -> new PackEvent(event.logIndex(), event.entry().erasePersonalFields(),
                        event.inclusionProof()))
                .toList();
        String json = AuditPackJson.write(withEvents(pack, shredded));

        VerificationResult result = verifier.verify(AuditPackJson.read(json));

        assertThat(json).doesNotContain("alice").doesNotContain("market moved");
        assertThat(result.valid()).isTrue();
        assertThat(result.verified()).anyMatch(line -> line.startsWith("15 erased personal fields"));
    }

    @Test
    void aCheckpointKeptFromEarlierProvesTheLogOnlyGrew() {
        String kept = ledger.signedCheckpoint();
        long keptSize = ledger.log.size();
        ledger.record("Program", "PRG-1", "ProgramReopened", "new cohort")
                .record("Partnership", "P-2", "PartnershipClosed", "funding ended");
        AuditPack pack = AuditPacks.assemble("partnership P-1", ledger.log, ledger.signedCheckpoint(),
                LoggedLedger.KEY.verifier(), ledger.of("P-1", "PRG-1"), List.of(keptSize));

        VerificationResult result = verifier.verify(AuditPackJson.read(AuditPackJson.write(pack)), Optional.of(kept));

        assertThat(result.valid()).isTrue();
        assertThat(result.verified())
                .contains("the log only grew: the checkpoint of 7 entries is a prefix of the one of 9");
    }

    @Test
    void aLogRewrittenAfterACheckpointWasKeptFailsTheConsistencyCheck() {
        String kept = ledger.signedCheckpoint();
        LoggedLedger rewritten = new LoggedLedger();
        ledger.logged.forEach(event -> rewritten.record(event.entry().aggregateType(), event.entry().aggregateId(),
                event.entry().eventType(), "rewritten"));
        rewritten.record("Program", "PRG-1", "ProgramReopened", "new cohort");
        AuditPack pack = AuditPacks.assemble("partnership P-1", rewritten.log, rewritten.signedCheckpoint(),
                LoggedLedger.KEY.verifier(), rewritten.of("P-1", "PRG-1"), List.of(7L));

        VerificationResult result = verifier.verify(pack, Optional.of(kept));

        assertThat(result.failure()).hasValueSatisfying(failure ->
                assertThat(failure).contains("does not extend the older checkpoint of 7 entries"));
    }

    @Test
    void anOlderCheckpointWithoutItsProofInThePackIsReported() {
        String kept = ledger.signedCheckpoint();
        ledger.record("Program", "PRG-1", "ProgramReopened", "new cohort");

        VerificationResult result = verifier.verify(ledger.packOf("P-1", "PRG-1"), Optional.of(kept));

        assertThat(result.failure()).hasValueSatisfying(failure ->
                assertThat(failure).contains("no consistency proof from tree size 7"));
    }

    @Test
    void aPackOfTenThousandEventsVerifies() {
        LoggedLedger large = new LoggedLedger();
        for (int i = 0; i < 10_000; i++) {
            large.record("Program", "PRG-" + (i % 50), "RowAdded", "row " + i);
        }
        String json = AuditPackJson.write(large.packOf(large.logged.stream()
                .map(event -> event.entry().aggregateId()).distinct().toArray(String[]::new)));

        VerificationResult result = verifier.verify(AuditPackJson.read(json));

        assertThat(result.valid()).isTrue();
        assertThat(result.verified()).anyMatch(line -> line.startsWith("10000 events:"));
    }

    @Test
    void aFileThatIsNotAPackIsRefusedWithAReason() {
        assertThatThrownBy(() -> AuditPackJson.read("{\"format\":\"something-else\"}"))
                .isInstanceOf(PackFormatException.class).hasMessageContaining("partnership-ledger/audit-pack/v1");
        assertThatThrownBy(() -> AuditPackJson.read("not json")).isInstanceOf(PackFormatException.class);
    }

    @Test
    void theServerRefusesToPackAnEventThatIsNotTheLeafAtItsIndex() {
        List<AuditPacks.Logged> events = new ArrayList<>(ledger.of("P-1"));
        events.set(0, new AuditPacks.Logged(events.get(0).logIndex(), ledger.of("P-2").get(0).entry()));

        assertThatThrownBy(() -> AuditPacks.assemble("P-1", ledger.log, ledger.signedCheckpoint(),
                LoggedLedger.KEY.verifier(), events, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastEventsOfAnAggregateMissingFromThePackFailWhenTheLogCountsThem() {
        AuditPack pack = ledger.packOf("P-1", "PRG-1");
        List<PackEvent> events = new ArrayList<>(pack.events());
        events.removeIf(event -> event.entry().eventType().equals("ProgramCompleted"));
        AuditPack counted = withCompleteness(withEvents(pack, events), List.of(
                new AuditPack.AggregateLog("Partnership", "P-1", 2), new AuditPack.AggregateLog("Program", "PRG-1", 3)),
                List.of());

        assertThat(verifier.verify(withEvents(pack, events)).valid()).as("without the log's count").isTrue();
        VerificationResult result = verifier.verify(AuditPackJson.read(AuditPackJson.write(counted)));

        assertThat(result.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .startsWith("Program PRG-1: the audit log holds 3").contains("deleted from the store"));
    }

    @Test
    void anEventTheLogNeverReceivedFailsThePack() {
        AuditPack pack = withCompleteness(ledger.packOf("P-1", "PRG-1"), List.of(),
                List.of(new AuditPack.Unlogged("forged", "Program", "PRG-1", 3, 41)));

        VerificationResult result = verifier.verify(AuditPackJson.read(AuditPackJson.write(pack)));

        assertThat(result.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .contains("forged").contains("never received"));
    }

    @Test
    void aPackWithCountsThatAgreeVerifiesAndSaysSo() {
        AuditPack pack = withCompleteness(ledger.packOf("P-1", "PRG-1"), List.of(
                new AuditPack.AggregateLog("Partnership", "P-1", 2), new AuditPack.AggregateLog("Program", "PRG-1", 3)),
                List.of());

        VerificationResult result = verifier.verify(AuditPackJson.read(AuditPackJson.write(pack)));

        assertThat(result.valid()).as(String.valueOf(result.failure())).isTrue();
        assertThat(result.verified()).anyMatch(line -> line.startsWith("2 aggregates: as many events"));
    }

    @Test
    void anEventDatedWellBeforeTheOneItFollowsIsBackDated() {
        LoggedLedger backDated = new LoggedLedger()
                .record("Partnership", "P-1", "PartnershipOpened", null);
        backDated.recordAt("Partnership", "P-1", "PartnerSelected", "cheapest",
                java.time.Instant.parse("2026-03-01T09:00:00Z").minus(java.time.Duration.ofDays(3)));

        VerificationResult result = verifier.verify(backDated.packOf("P-1"));

        assertThat(result.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .startsWith("Partnership P-1:").contains("back-dated"));
    }

    private static AuditPack withCompleteness(AuditPack pack, List<AuditPack.AggregateLog> aggregates,
                                              List<AuditPack.Unlogged> unlogged) {
        return new AuditPack(pack.format(), pack.subject(), pack.howToVerify(), pack.publicKeyFingerprint(),
                pack.checkpoint(), pack.events(), pack.consistencyProofs(), aggregates, unlogged);
    }

    private static AuditPack withEvents(AuditPack pack, List<PackEvent> events) {
        return new AuditPack(pack.format(), pack.subject(), pack.howToVerify(), pack.publicKeyFingerprint(),
                pack.checkpoint(), events, pack.consistencyProofs());
    }

    private static AuditPack withCheckpoint(AuditPack pack, String checkpoint) {
        return new AuditPack(pack.format(), pack.subject(), pack.howToVerify(), pack.publicKeyFingerprint(),
                checkpoint, pack.events(), pack.consistencyProofs());
    }
}
