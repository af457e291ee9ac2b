package org.partnershipledger.platform.events;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Evidence given as free text before it became typed references (DueDiligenceAssessed revision 1): a text that is an
 * absolute http(s) URI is a document; any other text is a note, which references nothing.
 */
public final class EvidenceText {

    private EvidenceText() {
    }

    /** Whether {@code text}, trimmed, is an absolute http or https URI with a host. */
    public static boolean isDocumentUri(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(text.trim());
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
