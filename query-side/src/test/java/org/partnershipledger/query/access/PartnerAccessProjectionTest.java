package org.partnershipledger.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.CandidateShortlisted;
import org.partnershipledger.events.partnership.PartnerRole;
import org.partnershipledger.events.partnership.PartnershipId;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.config.name=query-side")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class PartnerAccessProjectionTest {

    static final CandidateShortlisted SHORTLISTED = new CandidateShortlisted(new PartnershipId("p-1"), "c-1",
            "acme-learning", "Acme Learning", PartnerRole.CONTENT_PROVIDER);

    @Autowired
    PartnerAccessProjection projection;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        projection.reset();
    }

    @Test
    void aShortlistedOrganisationMayReadThePartnershipAndRedeliveryChangesNothing() {
        projection.on(SHORTLISTED);
        projection.on(SHORTLISTED);

        assertThat(jdbc.sql("SELECT partnership_id || '/' || organization_id FROM query_side.partner_access")
                .query(String.class).list()).containsExactly("p-1/acme-learning");
    }

    @Test
    void resetForgetsEveryGrantForAReplay() {
        projection.on(SHORTLISTED);

        projection.reset();

        assertThat(jdbc.sql("SELECT count(*) FROM query_side.partner_access").query(Long.class).single()).isZero();
    }
}
