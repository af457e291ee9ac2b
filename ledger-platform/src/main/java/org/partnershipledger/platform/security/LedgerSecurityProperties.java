package org.partnershipledger.platform.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the ledger. Without an OIDC issuer, users come from configuration with BCrypt hashes (HTTP Basic);
 * with {@code LEDGER_OIDC_ISSUER} the services accept JWTs from that issuer instead.
 *
 * @param users users for HTTP Basic
 * @param oidc  the OIDC issuer and which claims carry the user's name, roles and partner organisation
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(List<User> users, Oidc oidc) {

    public LedgerSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        oidc = oidc == null ? new Oidc(null, null, null, null) : oidc;
    }

    /**
     * @param passwordHash BCrypt hash, e.g. {@code $2a$10$...}
     * @param organizationId the partner organisation (for PARTNER users), a stable slug such as {@code acme-learning}
     */
    public record User(String name, String passwordHash, Set<LedgerRole> roles, String organizationId) {
        public User {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    public record Oidc(String issuer, String nameClaim, String rolesClaim, String organizationClaim) {
        public Oidc {
            issuer = issuer == null ? "" : issuer.trim();
            nameClaim = nameClaim == null ? "preferred_username" : nameClaim;
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
            organizationClaim = organizationClaim == null ? "organizationId" : organizationClaim;
        }

        public boolean enabled() {
            return !issuer.isEmpty();
        }
    }
}
