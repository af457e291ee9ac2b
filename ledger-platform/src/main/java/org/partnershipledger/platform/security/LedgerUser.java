package org.partnershipledger.platform.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A configured user; partners carry their organisation. */
public class LedgerUser extends User {

    private final String organizationId;

    public LedgerUser(String username, String password, Collection<? extends GrantedAuthority> authorities,
                      String organizationId) {
        super(username, password, authorities);
        this.organizationId = organizationId;
    }

    public String organizationId() {
        return organizationId;
    }
}
