package org.partnershipledger.audit.pack;

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

/** A ledger in miniature for the tests: events appended to a log in commit order, and the key that signs it. */
final class LoggedLedger {

    static final String ORIGIN = "ledger.example.org/audit";
    static final NoteSigner KEY = NoteSigner.generate("ledger.example.org", new SecureRandom());

    final MerkleLog log = new MerkleLog();
    final List<AuditPacks.Logged> logged = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    LoggedLedger record(String aggregateType, String aggregateId, String eventType, String reason) {
        return recordAt(aggregateType, aggregateId, eventType, reason,
                Instant.parse("2026-03-01T09:00:00Z").plusMillis(logged.size()));
    }

    LoggedLedger recordAt(String aggregateType, String aggregateId, String eventType, String reason, Instant at) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        String eventId = "evt-" + logged.size();
        LeafEntry entry = new LeafEntry(eventId, aggregateType, aggregateId, sequence, eventType, "1",
                at,
                PersonalField.revealed("{\"n\":" + logged.size() + "}", Salts.random(random)),
                PersonalField.revealed("alice", Salts.random(random)),
                PersonalField.revealed(reason, Salts.random(random)),
                "corr-" + aggregateId, null);
        logged.add(new AuditPacks.Logged(log.append(entry.leafHash()), entry));
        return this;
    }

    String signedCheckpoint() {
        return signedCheckpoint(KEY);
    }

    String signedCheckpoint(NoteSigner key) {
        return new Checkpoint(ORIGIN, log.size(), log.root()).sign(key);
    }

    List<AuditPacks.Logged> of(String... aggregateIds) {
        List<String> wanted = List.of(aggregateIds);
        return logged.stream().filter(event -> wanted.contains(event.entry().aggregateId())).toList();
    }

    AuditPack packOf(String... aggregateIds) {
        return AuditPacks.assemble("partnership " + aggregateIds[0], log, signedCheckpoint(), KEY.verifier(),
                of(aggregateIds), List.of());
    }

    /** A partnership, one of its programs, and another partnership's events in between. */
    static LoggedLedger withTwoPartnerships() {
        return new LoggedLedger()
                .record("Partnership", "P-1", "PartnershipOpened", null)
                .record("Partnership", "P-2", "PartnershipOpened", null)
                .record("Program", "PRG-1", "ProgramProposed", "skills gap in welding")
                .record("Partnership", "P-1", "PartnershipApproved", "board meeting of 3 March")
                .record("Program", "PRG-1", "CurriculumPivoted", "market moved")
                .record("Partnership", "P-2", "PartnershipApproved", "unanimous")
                .record("Program", "PRG-1", "ProgramCompleted", null);
    }
}
