package org.partnershipledger.platform.security;

import jakarta.servlet.Filter;

/**
 * A filter of a service's own that needs to know the caller, declared as one bean. The platform runs it inside the
 * security chain once the caller is authenticated and before access is decided, so it sees who asks
 * ({@link Principals#current()}) and also the requests refused with 403. Being no {@link Filter} bean itself, it is
 * not run a second time as a servlet filter.
 */
@FunctionalInterface
public interface CallerAwareFilter {

    Filter filter();
}
