package org.partnershipledger.web.signin;

import org.partnershipledger.web.api.LedgerApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Sign-in and a server-side session; CSRF protection on every write (forms carry the token, htmx sends it from the
 * page's meta tag). Pages, scripts and styles come from this application only. Two ways to sign in, never both: the
 * sign-in form (name and password checked by the ledger), or, when {@code ledger.web.oidc.issuer} is set, the OIDC
 * provider's (authorization code flow), whose access token is then relayed to the APIs.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebSecurity {

    @Bean
    SecurityFilterChain boardWeb(HttpSecurity http, LedgerSignIn signIn, LedgerApi api,
                                 ObjectProvider<ClientRegistrationRepository> registrations,
                                 ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClientSessions,
                                 ObjectProvider<OAuth2AuthorizedClientManager> authorizedClients) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/error").permitAll()
                        .anyRequest().authenticated())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        ClientRegistrationRepository oidc = registrations.getIfAvailable();
        if (oidc == null) {
            http.authenticationProvider(signIn)
                    .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/partnerships", true).permitAll())
                    .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"));
            return http.build();
        }
        // The provider's sign-in. Signing out ends the session here, then at the provider when its discovery
        // document names an end_session_endpoint (coming back to the sign-in page), else goes straight there.
        OidcClientInitiatedLogoutSuccessHandler signOut = new OidcClientInitiatedLogoutSuccessHandler(oidc);
        signOut.setPostLogoutRedirectUri("{baseUrl}/login?signedOut");
        signOut.setDefaultTargetUrl("/login?signedOut");
        http.oauth2Login(login -> login.loginPage("/login")
                        .clientRegistrationRepository(oidc)
                        .authorizedClientRepository(authorizedClientSessions.getObject())
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(OidcSignIn.ledgerUsers(api)))
                        .defaultSuccessUrl("/partnerships", true)
                        .failureUrl("/login?error")
                        // the provider not answering (discovery failed): say so on the sign-in page, not a 500
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler((request, response, failure) ->
                                        response.sendRedirect(request.getContextPath() + "/login?unavailable"));
                                return filter;
                            }
                        }))
                .logout(logout -> logout.logoutSuccessHandler(signOut))
                .addFilterAfter(new BearerRelay(authorizedClients.getObject()), AuthorizationFilter.class);
        return http.build();
    }
}
