package org.partnershipledger.audit.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.partnershipledger.audit.merkle.Sha256;

class SignedCheckpointTest {

    static final SecureRandom RANDOM = new SecureRandom();
    static final NoteSigner LEDGER = NoteSigner.generate("ledger.example.org", RANDOM);
    static final Checkpoint CHECKPOINT = new Checkpoint("ledger.example.org/log", 12, Sha256.of(new byte[] {1}));

    @Test
    void aCheckpointBodyIsOriginSizeAndBase64RootOnALineEach() {
        assertThat(CHECKPOINT.body()).isEqualTo("ledger.example.org/log\n12\n"
                + Base64.getEncoder().encodeToString(Sha256.of(new byte[] {1})) + "\n");
        assertThat(Checkpoint.parse(CHECKPOINT.body())).isEqualTo(CHECKPOINT);
    }

    @Test
    void aSignedCheckpointIsTheBodyABlankLineAndAnEmDashSignatureLine() {
        String note = CHECKPOINT.sign(LEDGER);

        assertThat(note).startsWith(CHECKPOINT.body() + "\n\u2014 ledger.example.org ").endsWith("\n");
        byte[] keyIdAndSignature = Base64.getDecoder().decode(note.substring(note.lastIndexOf(' ') + 1).strip());
        assertThat(keyIdAndSignature).hasSize(4 + 64);
    }

    @Test
    void aSignedCheckpointOpensWithTheSignersPublicKey() {
        NoteVerifier publicKey = NoteVerifier.fromVerifierKey(LEDGER.verifier().verifierKey());

        assertThat(Checkpoint.open(CHECKPOINT.sign(LEDGER), publicKey)).isEqualTo(CHECKPOINT);
    }

    @Test
    void aNoteSignedWithOneKeyFailsWithAnother() {
        NoteVerifier otherKey = NoteSigner.generate("ledger.example.org", RANDOM).verifier();

        assertThatThrownBy(() -> Checkpoint.open(CHECKPOINT.sign(LEDGER), otherKey))
                .isInstanceOf(NoteException.class).hasMessageContaining("no signature by the key");
    }

    @Test
    void anEditedCheckpointBodyFails() {
        String edited = CHECKPOINT.sign(LEDGER).replaceFirst("\n12\n", "\n13\n");

        assertThatThrownBy(() -> Checkpoint.open(edited, LEDGER.verifier()))
                .isInstanceOf(NoteException.class).hasMessageContaining("changed after signing");
    }

    @Test
    void signaturesByOtherKeysSuchAsWitnessesAreIgnored() {
        NoteSigner witness = NoteSigner.generate("witness.example.com", RANDOM);
        String signed = CHECKPOINT.sign(LEDGER);
        String witnessLine = witness.sign(CHECKPOINT.body()).substring(CHECKPOINT.body().length() + 1);
        String cosigned = signed + witnessLine;

        assertThat(Checkpoint.open(cosigned, LEDGER.verifier())).isEqualTo(CHECKPOINT);
        assertThat(Checkpoint.open(cosigned, witness.verifier())).isEqualTo(CHECKPOINT);
    }

    @Test
    void theSigningKeySurvivesItsTextForm() {
        NoteSigner reloaded = NoteSigner.fromPrivateKeyText(LEDGER.privateKeyText());

        assertThat(reloaded.verifier().verifierKey()).isEqualTo(LEDGER.verifier().verifierKey());
        assertThat(Checkpoint.open(CHECKPOINT.sign(reloaded), LEDGER.verifier())).isEqualTo(CHECKPOINT);
    }

    /** The example key pair of the signed-note specification and Go's sumdb/note package. */
    @Test
    void theSpecificationsExampleKeysGiveTheirPublishedKeyId() {
        String vkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
        NoteSigner signer = NoteSigner.fromPrivateKeyText(
                "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");

        assertThat(NoteVerifier.fromVerifierKey(vkey).verifierKey()).isEqualTo(vkey);
        assertThat(signer.verifier().verifierKey()).isEqualTo(vkey);
    }

    @Test
    void aVerifierKeyWithAWrongKeyIdIsRefused() {
        String vkey = LEDGER.verifier().verifierKey();
        String[] parts = vkey.split("\\+", 3);

        assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(parts[0] + "+00000000+" + parts[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFingerprintIsStableAndDiffersBetweenKeys() {
        NoteVerifier key = LEDGER.verifier();

        assertThat(NoteVerifier.fromVerifierKey(key.verifierKey()).fingerprint()).isEqualTo(key.fingerprint())
                .startsWith("SHA256:").hasSize("SHA256:".length() + 64)
                .isNotEqualTo(NoteSigner.generate("ledger.example.org", RANDOM).verifier().fingerprint());
    }

    @Test
    void malformedNotesAreRefusedWithAReason() {
        assertThatThrownBy(() -> LEDGER.verifier().open(CHECKPOINT.body()))
                .isInstanceOf(NoteException.class);
        assertThatThrownBy(() -> LEDGER.verifier().open(CHECKPOINT.body() + "\n- ledger.example.org abc\n"))
                .isInstanceOf(NoteException.class).hasMessageContaining("em dash");
        assertThatThrownBy(() -> Checkpoint.parse("origin\n012\nAAAA\n"))
                .isInstanceOf(NoteException.class).hasMessageContaining("leading zeros");
    }
}
