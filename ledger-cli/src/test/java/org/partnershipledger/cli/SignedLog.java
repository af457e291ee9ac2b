package org.partnershipledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partnershipledger.audit.leaf.LeafEntry;
import org.partnershipledger.audit.leaf.PersonalField;
import org.partnershipledger.audit.leaf.Salts;
import org.partnershipledger.audit.merkle.MerkleLog;
import org.partnershipledger.audit.note.Checkpoint;
import org.partnershipledger.audit.note.NoteSigner;
import org.partnershipledger.audit.pack.AuditPackJson;
import org.partnershipledger.audit.pack.AuditPacks;

/**
 * An audit log built with the ledger-audit library, as the server builds it, so that the CLI is tested against real
 * packs, signatures and proofs rather than hand-made JSON.
 */
final class SignedLog {

    static final String ORIGIN = "ledger.test/audit";

    final NoteSigner key;
    private final MerkleLog log = new MerkleLog();
    private final List<AuditPacks.Logged> logged = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    SignedLog(NoteSigner key) {
        this.key = key;
    }

    static NoteSigner newKey() {
        return NoteSigner.generate("ledger.test", new SecureRandom());
    }

    /** Logs the next event of an aggregate; its event id is evt-<log index>. */
    SignedLog record(String aggregateType, String aggregateId, String eventType, String payload, String actor,
                     String reason) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        LeafEntry entry = new LeafEntry("evt-" + logged.size(), aggregateType, aggregateId, sequence, eventType, "1",
                Instant.parse("2026-03-01T09:00:00Z").plusSeconds(logged.size()),
                PersonalField.revealed(payload, Salts.random(random)),
                PersonalField.revealed(actor, Salts.random(random)),
                PersonalField.revealed(reason, Salts.random(random)), "corr-" + aggregateId, null);
        logged.add(new AuditPacks.Logged(log.append(entry.leafHash()), entry));
        return this;
    }

    /** The checkpoint of the log as it is now, signed. */
    String checkpoint() {
        return new Checkpoint(ORIGIN, log.size(), log.root()).sign(key);
    }

    /** A pack of every event logged so far, proven to the current checkpoint and from each earlier size given. */
    String packJson(Long... since) {
        return AuditPackJson.write(AuditPacks.assemble("partnership P-1 and its programs", log, checkpoint(),
                key.verifier(), logged, List.of(since)));
    }

    Path writePack(Path file, Long... since) throws Exception {
        return Files.writeString(file, packJson(since));
    }

    String verifierKey() {
        return key.verifier().verifierKey();
    }

    String fingerprint() {
        return key.verifier().fingerprint();
    }

    /** A partnership and one of its programs, three events each, interleaved as they would be in the store. */
    static SignedLog partnershipWithAProgram(NoteSigner key) {
        return new SignedLog(key)
                .record("Partnership", "P-1", "PartnershipOpened", "{\"name\":\"Field sales\"}", "alice", "kick-off")
                .record("Program", "PRG-1", "ProgramProposed", "{\"title\":\"Selling\"}", "bob", "skills gap")
                .record("Partnership", "P-1", "PartnershipApproved", "{}", "alice", "board meeting of 3 March")
                .record("Program", "PRG-1", "CurriculumPivoted", "{\"toVersion\":2}", "alice", "market moved")
                .record("Partnership", "P-1", "ReviewHeld", "{\"quarter\":\"Q2\"}", "alice", null)
                .record("Program", "PRG-1", "ProgramCompleted", "{}", "alice", "cohort done");
    }
}
