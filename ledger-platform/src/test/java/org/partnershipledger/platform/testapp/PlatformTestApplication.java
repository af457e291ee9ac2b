package org.partnershipledger.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The platform alone, as any ledger service gets it, for testing what the platform promises. */
@SpringBootApplication
public class PlatformTestApplication {
}
