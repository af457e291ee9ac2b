package org.partnershipledger.web.signin;

import java.io.Serializable;
import java.util.List;

/**
 * The signed-in user as the query API described them, with the credential relayed on every API call. It lives only
 * in the server-side session (never in a cookie or a page); {@link #toString()} leaves the credential out.
 */
public record SignedIn(String name, List<String> roles, String organizationId, String authorization)
        implements Serializable {

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** Managers record decisions; the other roles read. */
    public boolean manager() {
        return is("MANAGER");
    }

    /** A partner and nothing more: it reads only its own part of its partnerships. */
    public boolean partnerOnly() {
        return roles.equals(List.of("PARTNER"));
    }

    public String roleNames() {
        return String.join(", ", roles).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "SignedIn[" + name + " " + roles + "]";
    }
}
