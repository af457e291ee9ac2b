package org.partnershipledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipledger.platform.testapp.PlatformTestApplication;
import org.partnershipledger.platform.testing.Http;
import org.partnershipledger.platform.testing.LedgerTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class SecurityConfigurationTest {

    @Test
    void theProductionProfileRefusesToStartWithDemoPasswords() {
        assertThatThrownBy(() -> platform("spring.profiles.active=prod").close())
                .hasStackTraceContaining("Refusing to start with the production profile")
                .hasStackTraceContaining("manager");
    }

    @Test
    void theProductionProfileStartsWithUsersOfItsOwn() {
        String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode("s3cret-pw");
        try (ConfigurableApplicationContext context = platform("spring.profiles.active=prod",
                "ledger.security.users[0].name=ops", "ledger.security.users[0].password-hash=" + hash,
                "ledger.security.users[0].roles=ADMIN")) {
            Http http = Http.localhost(((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(http.withBasic("ops", "s3cret-pw").get("/actuator/info").status()).isEqualTo(200);
            assertThat(http.as("admin").get("/actuator/info").status()).as("demo users are gone").isEqualTo(401);
        }
    }

    @Test
    void everythingButHealthAndDocsNeedsCredentialsAnd401SaysHowToAuthenticate() {
        try (ConfigurableApplicationContext context = platform()) {
            Http http = Http.localhost(((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(http.get("/actuator/health").status()).isEqualTo(200);

            Http.Response anonymous = http.get("/actuator/prometheus");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"partnership-ledger\"");
            assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
            assertThat(anonymous.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");

            assertThat(http.withBasic("admin", "wrong").get("/actuator/prometheus").status()).isEqualTo(401);
            Http.Response forbidden = http.as("board").get("/actuator/prometheus");
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.json().get("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(http.as("admin").get("/actuator/prometheus").status()).isEqualTo(200);
            assertThat(http.as("admin").get("/api/anything-not-declared").status()).as("deny by default")
                    .isEqualTo(403);
        }
    }

    @Test
    void aJwtsRolesNameAndOrganisationComeFromTheConfiguredClaims() {
        var oidc = new LedgerSecurityProperties.Oidc("https://issuer.example", "preferred_username", "ledger_roles",
                "org", null, null, null);
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("u-123")
                .claim("preferred_username", "pat").claim("ledger_roles", List.of("partner", "not-a-role"))
                .claim("org", "acme-learning").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .build();

        var authentication = LedgerSecurityAutoConfiguration.jwtConverter(oidc).convert(jwt);
        Principals.useOrganizationClaim(oidc.organizationClaim());

        assertThat(authentication.getName()).isEqualTo("pat");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_PARTNER");
        assertThat(Principals.organizationId(authentication)).contains("acme-learning");
        assertThat(Principals.isPartnerOnly(authentication)).isTrue();
    }

    private static ConfigurableApplicationContext platform(String... properties) {
        return new SpringApplicationBuilder(PlatformTestApplication.class)
                .initializers(new LedgerTestDatabase())
                .properties("ledger.schema=platform_test", "server.port=0")
                // as command-line arguments: they rank above the ledger's defaults, as an operator's settings do
                .run(java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
    }
}
