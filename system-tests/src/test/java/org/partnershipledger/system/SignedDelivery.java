package org.partnershipledger.system;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook delivery as a receiver gets it, and the receiver's check of it, written from the Standard Webhooks
 * specification as docs/api.md tells integrations to do it (not with the ledger's code): all three headers present,
 * a timestamp within five minutes of the receiver's clock, and one {@code v1} signature that equals, compared in
 * constant time, the HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<raw body>} keyed with the decoded
 * {@code whsec_} secret.
 */
record SignedDelivery(String id, String timestamp, String signature, String ledgerSignature, String body,
                      Instant receivedAt) {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    static SignedDelivery of(HttpExchange exchange, byte[] body) {
        return new SignedDelivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"),
                exchange.getRequestHeaders().getFirst("X-Ledger-Signature"),
                new String(body, StandardCharsets.UTF_8), Instant.now());
    }

    /** The space-separated signatures of {@code webhook-signature}. */
    List<String> signatures() {
        return signature == null ? List.of() : Arrays.asList(signature.split(" "));
    }

    long sentAt() {
        return Long.parseLong(timestamp);
    }

    /** Whether a receiver holding this secret accepts the delivery. */
    boolean verifiesWith(String secret) throws Exception {
        if (id == null || timestamp == null || signature == null || !secret.startsWith("whsec_")) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(sentAt()), receivedAt).abs().compareTo(TOLERANCE) > 0) {
            return false; // too old (or from the future): a replay
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String candidate : signatures()) {
            if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                    Base64.getDecoder().decode(candidate.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    /** The same delivery replayed later: its timestamp is now older than the tolerance. */
    SignedDelivery replayedAfter(Duration delay) {
        return new SignedDelivery(id, timestamp, signature, ledgerSignature, body, receivedAt.plus(delay));
    }
}
