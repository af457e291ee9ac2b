package org.partnershipledger.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershipledger.events.partnership.CandidateDeclined;
import org.partnershipledger.events.partnership.CandidateShortlisted;
import org.partnershipledger.events.partnership.PartnerOffboarded;
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

        assertThat(grants()).containsExactly("p-1/acme-learning");
    }

    List<String> grants() {
        return jdbc.sql("SELECT partnership_id || '/' || organization_id FROM query_side.partner_access")
                .query(String.class).list();
    }

    @Test
    void aDeclinedOrganisationKeepsItsGrantToReadUntilItsDeclineAndRedeliveryChangesNothing() {
        CandidateDeclined declined = new CandidateDeclined(new PartnershipId("p-1"), "c-1", "acme-learning", "Budget");
        projection.on(SHORTLISTED);
        projection.on(declined);
        projection.on(SHORTLISTED);
        projection.on(declined);

        assertThat(grants()).containsExactly("p-1/acme-learning");
    }

    @Test
    void anOffboardedOrganisationKeepsItsGrantAndRedeliveryChangesNothing() {
        PartnerOffboarded offboarded = new PartnerOffboarded(new PartnershipId("p-1"), "c-1", "acme-learning",
                "Contract not renewed");
        projection.on(SHORTLISTED);
        projection.on(offboarded);
        projection.on(offboarded);

        assertThat(grants()).containsExactly("p-1/acme-learning");
    }

    @Test
    void aGrantIsPerOrganisation() {
        projection.on(SHORTLISTED);
        projection.on(new PartnerOffboarded(new PartnershipId("p-2"), "c-9", "acme-learning", "Left"));
        projection.on(new CandidateShortlisted(new PartnershipId("p-1"), "c-2", "rival-academy", "Rival",
                PartnerRole.MOOC));

        assertThat(grants()).containsExactlyInAnyOrder("p-1/acme-learning", "p-2/acme-learning", "p-1/rival-academy");
    }

    @Test
    void resetForgetsEveryGrantForAReplay() {
        projection.on(SHORTLISTED);

        projection.reset();

        assertThat(jdbc.sql("SELECT count(*) FROM query_side.partner_access").query(Long.class).single()).isZero();
    }
}
