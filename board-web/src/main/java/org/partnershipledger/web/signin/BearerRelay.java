package org.partnershipledger.web.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With OIDC: for each request of a signed-in user, the session's access token (refreshed first when it expired and
 * the provider gave a refresh token) becomes the credential the pages relay as {@code Authorization: Bearer}. The
 * pages see the same {@link SignedIn} as with the sign-in form; the session keeps the provider's sign-in, and the
 * token is never copied into it. A session with no usable token signs in again.
 */
final class BearerRelay extends OncePerRequestFilter {

    private final OAuth2AuthorizedClientManager authorizedClients;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerRelay(OAuth2AuthorizedClientManager authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext signedIn = contexts.getContext();
        if (!(signedIn.getAuthentication() instanceof OAuth2AuthenticationToken token)
                || !(token.getPrincipal() instanceof LedgerOidcUser user)) {
            chain.doFilter(request, response);
            return;
        }
        OAuth2AuthorizedClient client;
        try {
            client = authorizedClients.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(token.getAuthorizedClientRegistrationId()).principal(token)
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response).build());
        } catch (OAuth2AuthorizationException noToken) {
            client = null; // none in the session, or the refresh was refused: the provider must sign the user in
        }
        if (client == null || client.getAccessToken() == null) {
            signInAgain(request, response);
            return;
        }
        // a new context for this request only: the session's own (the provider's sign-in) is left as it is
        SecurityContext relaying = contexts.createEmptyContext();
        relaying.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.ledgerUser().relaying("Bearer " + client.getAccessToken().getTokenValue()), null,
                token.getAuthorities()));
        contexts.setContext(relaying);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.setContext(signedIn);
        }
    }

    /** Ends the session and sends the user to sign in (htmx follows {@code HX-Redirect}, not a 302 to a page). */
    static void signInAgain(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String target = request.getContextPath() + "/login?expired";
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(target);
        }
    }
}
