package org.partnershipledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testapp.PlatformTestApplication;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/** Work Axon would do for every message that the ledger switches off, because PostgreSQL or our gauges do it. */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "ledger.schema=platform_test")
@ContextConfiguration(initializers = LedgerTestDatabase.class)
class PerMessageOverheadTest {

    @Autowired
    ApplicationContext context;

    @Test
    void noHandlerIsWrappedInAxonsTimeoutWatchdog() {
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
        assertThat(context.containsBean("axonTimeoutConfigurerModule")).isFalse();
    }

    @Test
    void noMessageIsTimedByAxonsMonitors() {
        assertThat(context.getBeansOfType(MetricsConfigurerModule.class)).isEmpty();
    }
}
