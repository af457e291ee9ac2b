package org.partnershipledger.web.signin;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in with an OIDC provider ({@code ledger.web.oidc.*}): with an issuer, users sign in there (authorization code
 * flow) and their access token is relayed to the APIs; without one, the sign-in form is used. {@link #toString()}
 * leaves the client secret out.
 */
@ConfigurationProperties("ledger.web.oidc")
public record OidcSettings(String issuer, String clientId, String clientSecret,
                           @DefaultValue("openid") List<String> scopes) {

    /** The registration's id: the redirect URI the provider must allow is {@code <base>/login/oauth2/code/ledger}. */
    public static final String REGISTRATION = "ledger";

    public boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }

    /**
     * OIDC is on but this application has no client id at the provider: nobody can sign in, and the sign-in page
     * says why, but the application still starts, so a ledger started with OIDC for its APIs is not held up by it.
     */
    public boolean clientMissing() {
        return enabled() && (clientId == null || clientId.isBlank());
    }

    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", scopes=" + scopes + "]";
    }
}
