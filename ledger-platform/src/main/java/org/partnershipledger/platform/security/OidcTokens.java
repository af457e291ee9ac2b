package org.partnershipledger.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Which bearer tokens the services accept: signed by the issuer's keys (from its discovery document, or from the
 * configured JWK set URI), issued by it, for one of the configured audiences, and within their {@code nbf} and
 * {@code exp} give or take the configured clock skew. A token without {@code exp} is refused: it would never expire.
 */
final class OidcTokens {

    private static final Logger LOG = LoggerFactory.getLogger(OidcTokens.class);

    private OidcTokens() {
    }

    static JwtDecoder decoder(LedgerSecurityProperties.Oidc oidc, Environment environment, Clock clock) {
        if (oidc.audience().isEmpty()) {
            if (environment.acceptsProfiles(Profiles.of(DemoCredentials.PRODUCTION_PROFILE))) {
                throw new IllegalStateException("Refusing to start with the production profile: OIDC is on but "
                        + "ledger.security.oidc.audience is not set, so tokens the issuer made for any other "
                        + "application would be accepted. Set it (LEDGER_OIDC_AUDIENCE) to the ledger's client id.");
            }
            LOG.warn("OIDC is on without ledger.security.oidc.audience: tokens for any audience are accepted");
        }
        NimbusJwtDecoder decoder = oidc.jwkSetUri().isEmpty()
                ? JwtDecoders.fromIssuerLocation(oidc.issuer())
                : NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).jwsAlgorithms(algorithms -> algorithms.addAll(
                        List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384, SignatureAlgorithm.RS512,
                                SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512,
                                SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512)))
                .build();
        decoder.setJwtValidator(validator(oidc, clock));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(LedgerSecurityProperties.Oidc oidc, Clock clock) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(oidc.clockSkew());
        timestamps.setClock(clock);
        checks.add(timestamps);
        checks.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
        if (!oidc.issuer().isEmpty()) {
            checks.add(new JwtIssuerValidator(oidc.issuer()));
        }
        if (!oidc.audience().isEmpty()) {
            checks.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.stream().anyMatch(oidc.audience()::contains)));
        }
        return new DelegatingOAuth2TokenValidator<>(checks);
    }
}
