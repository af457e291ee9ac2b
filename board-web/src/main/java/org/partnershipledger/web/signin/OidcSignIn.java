package org.partnershipledger.web.signin;

import java.util.List;
import org.partnershipledger.web.api.ApiAnswer;
import org.partnershipledger.web.api.LedgerApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Sign-in at the ledger's OIDC provider, on when {@code ledger.web.oidc.issuer} is set. The provider is discovered
 * from its issuer on first use (so the application starts while the provider is down); the user's authorized
 * client (access and refresh token) lives in the server-side session only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${ledger.web.oidc.issuer:}'.isBlank()")
class OidcSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);

    @Bean
    ClientRegistrationRepository ledgerClientRegistration(OidcSettings settings) {
        if (settings.clientMissing()) {
            LOG.error("With an OIDC issuer (LEDGER_OIDC_ISSUER), the board's web application needs its client id at "
                    + "the provider: set LEDGER_WEB_OIDC_CLIENT_ID (ledger.web.oidc.client-id). Nobody can sign in "
                    + "until then.");
            return registrationId -> null;
        }
        return new DiscoveredRegistration(settings);
    }

    @Bean
    OAuth2AuthorizedClientRepository sessionAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Gives a request the user's access token, refreshed first when it expired and a refresh token allows. */
    @Bean
    OAuth2AuthorizedClientManager ledgerAuthorizedClients(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /**
     * After the provider signed the user in: who they are to the ledger, from {@code GET /api/me} with their
     * access token. A token the ledger refuses makes no session.
     */
    static OAuth2UserService<OidcUserRequest, OidcUser> ledgerUsers(LedgerApi api) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            ApiAnswer answer;
            try {
                answer = api.whoIs("Bearer " + request.getAccessToken().getTokenValue());
            } catch (LedgerApi.LedgerUnavailable e) {
                throw refused("ledger_unavailable", "The ledger is not answering; try again in a moment");
            }
            if (answer.status() == 401 || answer.status() == 403) {
                throw refused("ledger_refused", "You signed in, but the ledger does not accept your account; "
                        + "ask an administrator to give it a role");
            }
            if (!answer.ok()) {
                throw refused("ledger_refused", "The ledger could not sign you in (" + answer.status() + ")");
            }
            SignedIn ledgerUser = SignedIn.from(answer.json(), null);
            return new LedgerOidcUser(ledgerUser.roles().stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(), user.getIdToken(),
                    user.getUserInfo(), ledgerUser);
        };
    }

    private static OAuth2AuthenticationException refused(String code, String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
    }

    /** The one client registration, read from the issuer's discovery document the first time it is needed. */
    static final class DiscoveredRegistration implements ClientRegistrationRepository {

        private final OidcSettings settings;
        private volatile ClientRegistration registration;

        DiscoveredRegistration(OidcSettings settings) {
            this.settings = settings;
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!OidcSettings.REGISTRATION.equals(registrationId)) {
                return null;
            }
            ClientRegistration known = registration;
            if (known == null) {
                synchronized (this) {
                    if (registration == null) {
                        registration = ClientRegistrations.fromIssuerLocation(settings.issuer().trim())
                                .registrationId(OidcSettings.REGISTRATION)
                                .clientId(settings.clientId())
                                .clientSecret(settings.clientSecret())
                                .scope(settings.scopes().isEmpty() ? List.of("openid") : settings.scopes())
                                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                                // a public client (no secret) authenticates with PKCE alone; every client sends it
                                .clientAuthenticationMethod(blank(settings.clientSecret())
                                        ? ClientAuthenticationMethod.NONE : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                                .build();
                    }
                    known = registration;
                }
            }
            return known;
        }
    }
}
