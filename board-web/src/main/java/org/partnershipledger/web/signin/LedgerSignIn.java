package org.partnershipledger.web.signin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.partnershipledger.web.api.ApiAnswer;
import org.partnershipledger.web.api.LedgerApi;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks the sign-in form's name and password with the ledger itself: they are sent once as HTTP Basic to the
 * query API's {@code GET /api/me}. The ledger's answer (name, roles, organisation) becomes the session's user; the
 * web application keeps no users of its own.
 */
@Component
class LedgerSignIn implements AuthenticationProvider {

    private final LedgerApi api;

    LedgerSignIn(LedgerApi api) {
        this.api = api;
    }

    @Override
    public Authentication authenticate(Authentication form) {
        String name = form.getName();
        String password = form.getCredentials() == null ? "" : form.getCredentials().toString();
        String basic = "Basic " + Base64.getEncoder().encodeToString((name + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        ApiAnswer answer;
        try {
            answer = api.whoIs(basic);
        } catch (LedgerApi.LedgerUnavailable e) {
            throw new AuthenticationServiceException("The ledger is not answering; try again in a moment", e);
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw new BadCredentialsException("That name and password do not match a ledger user");
        }
        if (answer.status() == 429) {
            throw new AuthenticationServiceException("Too many failed sign-ins; wait a minute and try again");
        }
        if (!answer.ok()) {
            throw new AuthenticationServiceException("The ledger could not sign you in (" + answer.status() + ")");
        }
        SignedIn user = SignedIn.from(answer.json(), basic);
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
