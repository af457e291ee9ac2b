package org.partnershipledger.query.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Deliveries are signed as the Standard Webhooks specification says, byte for byte. */
class WebhookSecretTest {

    static final String ID = "2f1c7a52-3c55-4d67-9d0b-8f9a6b1e0c11";
    static final long TIMESTAMP = 1_767_225_600L;
    static final String BODY =
            "{\"specversion\":\"1.0\",\"id\":\"" + ID + "\",\"type\":\"ledger.partnership.partnership-opened.v1\"}";
    /** The bytes 0x00 to 0x1f. */
    static final String SECRET = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void theSignatureIsV1AndTheBase64HmacSha256OfIdTimestampAndBodyJoinedByDots() throws Exception {
        WebhookSecret secret = WebhookSecret.parse(SECRET);

        // computed here the long way, from the decoded key, and once with openssl (the literal)
        Mac mac = Mac.getInstance("HmacSHA256");
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((ID + "." + TIMESTAMP + "." + BODY).getBytes(StandardCharsets.UTF_8)));

        assertThat(expected).isEqualTo("B5qZlScuINvfXAJ3JhszQ/nFF0QD3bHdKDtQJs8bJMc=");
        assertThat(secret.sign(ID, TIMESTAMP, BODY)).isEqualTo("v1," + expected);
    }

    @Test
    void theStandardWebhooksReferenceVectorSignsAlike() {
        // the signing vector of the Standard Webhooks reference libraries (a 24-byte secret, the smallest allowed)
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1_614_265_330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theDeprecatedLedgerSignatureIsTheHexHmacOfTheBodyWithTheSameKey() {
        assertThat(WebhookSecret.parse(SECRET).signLegacy(BODY))
                .isEqualTo("sha256=678a7322bdc05a639a6ce2254ae3875c45f9a5ea5604a1bc4ad23596e5d96c0d");
    }

    @Test
    void aSecretAnIntegrationChoseBeforeKeepsItsUtf8BytesAsTheKeySoItsLedgerSignatureIsUnchanged() throws Exception {
        String chosen = "a-webhook-secret-of-ours";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(chosen.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

        WebhookSecret secret = WebhookSecret.parse(chosen);

        assertThat(secret.signLegacy(BODY)).isEqualTo(
                "sha256=" + HexFormat.of().formatHex(mac.doFinal(BODY.getBytes(StandardCharsets.UTF_8))));
        assertThat(secret.text()).isEqualTo(
                "whsec_" + Base64.getEncoder().encodeToString(chosen.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aGeneratedSecretIs32RandomBytesInTheWhsecFormat() {
        WebhookSecret one = WebhookSecret.generate();
        WebhookSecret other = WebhookSecret.generate();

        assertThat(one.text()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(one.text().substring(6))).hasSize(32);
        assertThat(one).isNotEqualTo(other);
        assertThat(WebhookSecret.parse(one.text())).isEqualTo(one);
    }

    @Test
    void aSecretIsNeverPrintedNorRepeatedInARefusal() {
        WebhookSecret secret = WebhookSecret.parse(SECRET);
        assertThat(secret.toString()).doesNotContain(SECRET.substring(6)).isEqualTo("WebhookSecret[redacted]");
        assertThat(new WebhookSubscriptions.SigningSecrets(secret, null, null).toString())
                .doesNotContain(SECRET.substring(6));

        String tooShort = "whsec_" + Base64.getEncoder().encodeToString(new byte[23]);
        assertThatThrownBy(() -> WebhookSecret.parse(tooShort)).hasMessageNotContaining(tooShort.substring(6))
                .hasMessageContaining("24 to 64 bytes");
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_not*base64")).hasMessageNotContaining("not*base64");
        assertThatThrownBy(() -> WebhookSecret.parse("short-secret")).hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> WebhookSecret.parse("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duringARotationsOverlapBothSecretsSignAndAfterItOnlyTheNewOne() {
        WebhookSecret next = WebhookSecret.generate();
        WebhookSecret replaced = WebhookSecret.generate();
        Instant until = Instant.parse("2026-01-02T00:00:00Z");
        WebhookSubscriptions.SigningSecrets secrets = new WebhookSubscriptions.SigningSecrets(next, replaced, until);

        assertThat(secrets.at(until.minusMillis(1))).containsExactly(next, replaced);
        assertThat(secrets.at(until)).containsExactly(next);
        assertThat(new WebhookSubscriptions.SigningSecrets(next, null, null).at(until)).containsExactly(next);
    }
}
