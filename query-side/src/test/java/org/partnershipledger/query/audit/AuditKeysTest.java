package org.partnershipledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnershipledger.audit.note.NoteSigner;

class AuditKeysTest {

    @TempDir
    Path data;

    @Test
    void theEmbeddedDefaultGeneratesAKeyOnceKeepsItOwnerOnlyAndSignsWithItAfterARestart() throws Exception {
        Path file = data.resolve("audit").resolve("signing-key");
        NoteSigner first = AuditKeys.signer(properties("ledger.test/audit", null), file);
        NoteSigner again = AuditKeys.signer(properties("ledger.test/audit", null), file);

        assertThat(again.verifier().verifierKey()).isEqualTo(first.verifier().verifierKey());
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void aConfiguredKeyIsUsedAndNoFileIsWritten() {
        NoteSigner configured = NoteSigner.generate("ledger.test/audit", new SecureRandom());
        Path file = data.resolve("signing-key");

        NoteSigner used = AuditKeys.signer(properties("ledger.test/audit", configured.privateKeyText()), file);

        assertThat(used.verifier().verifierKey()).isEqualTo(configured.verifier().verifierKey());
        assertThat(file).doesNotExist();
    }

    @Test
    void aKeyMadeForAnotherLogIsRefusedAtStart() {
        NoteSigner other = NoteSigner.generate("other.example/audit", new SecureRandom());

        assertThatThrownBy(() -> AuditKeys.signer(properties("ledger.test/audit", other.privateKeyText()),
                data.resolve("k"))).hasMessageContaining("other.example/audit").hasMessageContaining("ledger.test/audit");
    }

    @Test
    void checkpointsAreNeverFurtherApartThanTenSeconds() {
        assertThatThrownBy(() -> new AuditProperties(true, null, null, null, 1000L, Duration.ofSeconds(11)))
                .hasMessageContaining("at most 10 s");
        assertThat(new AuditProperties(null, null, null, null, null, null).checkpointInterval())
                .isEqualTo(Duration.ofSeconds(10));
    }

    private static AuditProperties properties(String origin, String key) {
        return new AuditProperties(true, origin, key, null, 1000L, Duration.ofSeconds(10));
    }
}
