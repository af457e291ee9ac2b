package org.partnershipledger.web.signin;

import java.io.Serializable;
import java.util.List;

/**
 * The signed-in user as the query API described them, with the credential relayed on every API call: the Basic
 * credential of the sign-in form, or the OIDC access token of the request. It lives only in the server-side session or
 * the request (never in a cookie or a page); {@link #toString()} leaves the credential out.
 */
public record SignedIn(String name, List<String> roles, String organizationId, String authorization)
        implements Serializable {

    /** The user as {@code GET /api/me} described them, with the credential to relay (null: none yet). */
    @SuppressWarnings("unchecked")
    public static SignedIn from(java.util.Map<String, Object> me, String authorization) {
        List<String> roles = (List<String>) me.getOrDefault("roles", List.of());
        return new SignedIn(String.valueOf(me.get("name")), List.copyOf(roles), (String) me.get("organizationId"),
                authorization);
    }

    /** The same user relaying this credential (the access token of this request, with OIDC). */
    public SignedIn relaying(String credential) {
        return new SignedIn(name, roles, organizationId, credential);
    }

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
