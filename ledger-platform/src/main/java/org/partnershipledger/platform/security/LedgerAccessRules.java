package org.partnershipledger.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules, declared as one bean. The platform puts them between its open endpoints (health,
 * API docs) and the final "deny everything else".
 */
@FunctionalInterface
public interface LedgerAccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
