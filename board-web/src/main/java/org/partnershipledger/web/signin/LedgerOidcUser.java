package org.partnershipledger.web.signin;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A user signed in at the OIDC provider, with who they are to the ledger ({@code GET /api/me} with their access
 * token): the provider says the user signed in, the ledger says what they may do. The access token itself is not
 * here: it is the session's authorized client's, read (and refreshed) on each request.
 */
public class LedgerOidcUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final SignedIn ledgerUser;

    public LedgerOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
                          OidcUserInfo userInfo, SignedIn ledgerUser) {
        super(authorities, idToken, userInfo);
        this.ledgerUser = ledgerUser;
    }

    /** Name, roles and organisation as the ledger answered; no credential. */
    public SignedIn ledgerUser() {
        return ledgerUser;
    }

    @Override
    public String getName() {
        return ledgerUser.name();
    }

    @Override
    public String toString() {
        return "LedgerOidcUser[" + ledgerUser + "]";
    }
}
