package org.partnershipledger.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the authenticated principal the same way whether it came from HTTP Basic or a JWT. */
public final class Principals {

    private static volatile String organizationClaim = "organizationId";

    private Principals() {
    }

    static void useOrganizationClaim(String claim) {
        organizationClaim = claim;
    }

    public static Optional<Authentication> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return Optional.ofNullable(authentication).filter(Authentication::isAuthenticated);
    }

    public static boolean hasRole(Authentication authentication, LedgerRole role) {
        String wanted = "ROLE_" + role.name();
        return authentication.getAuthorities().stream().anyMatch(a -> wanted.equals(a.getAuthority()));
    }

    /** The partner organisation of a PARTNER principal. */
    public static Optional<String> organizationId(Authentication authentication) {
        if (authentication.getPrincipal() instanceof LedgerUser user) {
            return Optional.ofNullable(user.organizationId());
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.ofNullable(jwt.getToken().getClaimAsString(organizationClaim));
        }
        return Optional.empty();
    }

    /** True when the principal is a partner and nothing more: its reads are scoped to its own partnerships. */
    public static boolean isPartnerOnly(Authentication authentication) {
        return hasRole(authentication, LedgerRole.PARTNER) && authentication.getAuthorities().size() == 1;
    }
}
