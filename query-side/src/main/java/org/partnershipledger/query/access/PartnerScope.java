package org.partnershipledger.query.access;

import java.util.Optional;
import org.partnershipledger.platform.security.Principals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Partners see only the partnerships where their organisation is shortlisted or selected. Everything else is
 * answered as if it did not exist (404, not 403), so a partner learns nothing about other partnerships.
 */
@Component
public class PartnerScope {

    private final JdbcClient jdbc;

    PartnerScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the current principal may see the partnership. */
    public boolean maySee(String partnershipId) {
        Optional<Authentication> current = Principals.current();
        if (current.isEmpty()) {
            return false;
        }
        if (!Principals.isPartnerOnly(current.get())) {
            return true;
        }
        return Principals.organizationId(current.get())
                .map(organization -> jdbc.sql("""
                                SELECT EXISTS (SELECT 1 FROM query_side.partner_access
                                               WHERE partnership_id = ? AND organization_id = ?)""")
                        .params(partnershipId, organization).query(Boolean.class).single())
                .orElse(false);
    }
}
