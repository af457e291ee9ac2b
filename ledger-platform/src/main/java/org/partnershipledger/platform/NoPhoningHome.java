package org.partnershipledger.platform;

import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Keeps Axon's update checker out of every ledger application context: no bean, no outbound call, no machine id
 * file in the user's home. The system property set by {@link LedgerEnvironment} covers anything that runs Axon
 * outside Spring.
 */
public class NoPhoningHome implements AutoConfigurationImportFilter {

    static final Set<String> EXCLUDED = Set.of("org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration");

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            matches[i] = autoConfigurationClasses[i] == null || !EXCLUDED.contains(autoConfigurationClasses[i]);
        }
        return matches;
    }
}
