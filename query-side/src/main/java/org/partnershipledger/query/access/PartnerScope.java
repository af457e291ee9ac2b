package org.partnershipledger.query.access;

import java.util.List;
import java.util.Optional;
import org.partnershipledger.platform.security.Principals;
import org.partnershipledger.query.http.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Partners see only the partnerships where their organisation was shortlisted, and of those only what
 * {@link PartnerPolicy} lets them. Everything else is answered as if it did not exist (404, not 403), so a partner
 * learns nothing about other partnerships.
 */
@Component
public class PartnerScope {

    private final JdbcClient jdbc;

    PartnerScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The partner organisation the current reader is limited to; empty for every other role. */
    public Optional<String> limitedTo() {
        Optional<Authentication> current = Principals.current();
        if (current.isEmpty() || !Principals.isPartnerOnly(current.get())) {
            return Optional.empty();
        }
        // a partner principal without an organisation sees nothing
        return Optional.of(Principals.organizationId(current.get()).orElse(""));
    }

    /** The policy the current reader's reads go through; empty for every role that reads everything. */
    public Optional<PartnerPolicy> policy() {
        return limitedTo().map(PartnerPolicy::new);
    }

    /** The partnerships where the organisation was shortlisted (declined or offboarded ones included). */
    public List<String> partnershipsOf(String organizationId) {
        return jdbc.sql("SELECT partnership_id FROM query_side.partner_access WHERE organization_id = ? "
                        + "ORDER BY partnership_id")
                .param(organizationId).query(String.class).list();
    }

    /** True when the current principal may see the partnership. */
    public boolean maySee(String partnershipId) {
        return limitedTo().map(organization -> jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM query_side.partner_access
                                       WHERE partnership_id = ? AND organization_id = ?)""")
                .params(partnershipId, organization).query(Boolean.class).single()).orElse(true);
    }

    /** Refuses (as "not found") a partnership the current principal may not see. */
    public void assertMaySee(String partnershipId) {
        if (!maySee(partnershipId)) {
            throw NotFound.partnership(partnershipId);
        }
    }
}
