package org.partnershipledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;

/**
 * Authentication and the deny-by-default rules both services share. HTTP Basic with configured users (BCrypt),
 * repeated failures for one user name slowed down, unless {@code LEDGER_OIDC_ISSUER} (or a JWK set URI) is set, then
 * JWT bearer tokens from that issuer for the configured audience.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication
@EnableWebSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class LedgerSecurityAutoConfiguration {

    static final String REALM = "partnership-ledger";

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, LedgerSecurityProperties properties,
                                       ObjectProvider<LedgerAccessRules> serviceRules,
                                       ObjectProvider<CallerAwareFilter> callerAwareFilters,
                                       ObjectMapper json, AuthenticationManager basicCredentials,
                                       Environment environment)
            throws Exception {
        boolean oidc = properties.oidc().enabled();
        String challenge = oidc ? "Bearer" : "Basic realm=\"" + REALM + "\"";
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthenticated(json, challenge))
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(json)))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                    "/swagger-ui/**").permitAll()
                            .requestMatchers("/error").permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/**").hasRole(LedgerRole.ADMIN.name());
                    serviceRules.orderedStream().forEach(rules -> rules.apply(requests));
                    requests.anyRequest().denyAll();
                });
        if (oidc) {
            Principals.useOrganizationClaim(properties.oidc().organizationClaim());
            http.oauth2ResourceServer(resource -> resource
                    .authenticationEntryPoint(ProblemSecurityHandlers.unauthenticated(json, challenge))
                    .accessDeniedHandler(ProblemSecurityHandlers.forbidden(json))
                    .jwt(jwt -> jwt.decoder(OidcTokens.decoder(properties.oidc(), environment, Clock.systemUTC()))
                            .jwtAuthenticationConverter(jwtConverter(properties.oidc()))));
        } else {
            http.authenticationManager(basicCredentials);
            http.httpBasic(basic -> basic.realmName(REALM)
                    .authenticationEntryPoint(ProblemSecurityHandlers.unauthenticated(json, challenge)));
        }
        // once the caller is known and before access is decided, so these also see the 403 answers
        callerAwareFilters.orderedStream().forEach(filter -> http.addFilterBefore(filter.filter(),
                ExceptionTranslationFilter.class));
        return http.build();
    }

    /**
     * Checks Basic credentials against the configured users, remembering successes for a short while, and slows
     * down repeated failures for one user name.
     */
    @Bean
    AuthenticationManager ledgerAuthenticationManager(UserDetailsService users, PasswordEncoder encoder,
                                                      LedgerSecurityProperties properties,
                                                      @Value("${ledger.security.credential-cache:PT5M}") Duration ttl) {
        DaoAuthenticationProvider checks = new DaoAuthenticationProvider(encoder);
        checks.setUserDetailsService(users);
        Clock clock = Clock.systemUTC();
        return new ProviderManager(new BackoffAuthenticationProvider(
                new CachingAuthenticationProvider(checks, ttl, clock),
                new FailedLogins(properties.loginBackoff(), clock)));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService ledgerUsers(LedgerSecurityProperties properties, Environment environment,
                                   PasswordEncoder encoder) {
        DemoCredentials.refuseInProduction(properties.users(), environment, encoder);
        return username -> properties.users().stream()
                .filter(user -> user.name().equals(username))
                .findFirst()
                .map(user -> new LedgerUser(user.name(), user.passwordHash(), authorities(user.roles()),
                        user.organizationId()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    private static List<GrantedAuthority> authorities(Collection<LedgerRole> roles) {
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    static Converter<Jwt, AbstractAuthenticationToken> jwtConverter(LedgerSecurityProperties.Oidc oidc) {
        return jwt -> {
            Object claim = jwt.getClaims().get(oidc.rolesClaim());
            List<String> names = claim instanceof Collection<?> values
                    ? values.stream().map(String::valueOf).toList()
                    : claim == null ? List.of() : Arrays.asList(String.valueOf(claim).split("[,\\s]+"));
            List<GrantedAuthority> authorities = names.stream()
                    .map(String::toUpperCase)
                    .filter(name -> Arrays.stream(LedgerRole.values()).anyMatch(role -> role.name().equals(name)))
                    .<GrantedAuthority>map(name -> new SimpleGrantedAuthority("ROLE_" + name))
                    .toList();
            String name = jwt.getClaimAsString(oidc.nameClaim());
            return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
        };
    }
}
