package org.partnershipledger.web.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Form sign-in and a server-side session; CSRF protection on every write (forms carry the token, htmx sends it from
 * the page's meta tag). Pages, scripts and styles come from this application only.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WebSecurity {

    @Bean
    SecurityFilterChain boardWeb(HttpSecurity http, LedgerSignIn signIn) throws Exception {
        http.authenticationProvider(signIn)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/partnerships", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
