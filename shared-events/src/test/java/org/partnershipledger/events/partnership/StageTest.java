package org.partnershipledger.events.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A business review moves a partnership into governance only once it delivers. */
class StageTest {

    @Test
    void aReviewInDeliveryStartsGovernance() {
        assertThat(Stage.DELIVERY.afterBusinessReview()).isEqualTo(Stage.GOVERNANCE);
        assertThat(Stage.GOVERNANCE.afterBusinessReview()).isEqualTo(Stage.GOVERNANCE);
    }

    @Test
    void aReviewBeforeDeliveryLeavesTheStageWhereItIs() {
        assertThat(Stage.SELECTION.afterBusinessReview()).isEqualTo(Stage.SELECTION);
        assertThat(Stage.ONBOARDING.afterBusinessReview()).isEqualTo(Stage.ONBOARDING);
        assertThat(Stage.ENDED.afterBusinessReview()).isEqualTo(Stage.ENDED);
    }
}
