package org.partnershipledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.partnershipledger.platform.web.openapi.LedgerApiComponents;
import org.partnershipledger.platform.web.openapi.OperationProblems;
import org.partnershipledger.platform.web.openapi.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Each service's OpenAPI document names the service and says how to authenticate, so its UI can call it, and
 * documents every error an endpoint answers as problem+json with its codes ({@link ProblemResponses}), so that a
 * client can be generated from it.
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, org.springdoc.core.customizers.OperationCustomizer.class})
public class LedgerOpenApiAutoConfiguration {

    /**
     * The server is the service that serves the document ("/"), wherever it runs. The API has no published licence;
     * the default says so in SPDX terms, and a deployment that has one sets it.
     */
    @Bean
    @ConditionalOnMissingBean
    OpenAPI ledgerOpenApi(@Value("${spring.application.name:ledger}") String service,
                          @Value("${ledger.openapi.license-name:Proprietary}") String licenseName,
                          @Value("${ledger.openapi.license-identifier:LicenseRef-Proprietary}") String licenseId) {
        return new OpenAPI()
                .info(new Info().title("Partnership Ledger: " + service)
                        .description("An event-sourced system of record for training partnerships. Errors are "
                                + "`application/problem+json` with a stable `code`.")
                        .version(version())
                        .license(new License().name(licenseName).identifier(licenseId)))
                .servers(List.of(new Server().url("/").description("The service that serves this document")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    ProblemResponses ledgerProblemResponses(ObjectProvider<OperationProblems> services) {
        return new ProblemResponses(services.orderedStream().toList());
    }

    @Bean
    LedgerApiComponents ledgerApiComponents() {
        return new LedgerApiComponents();
    }

    /** The version of the ledger's build, written into the platform's resources by Maven. */
    static String version() {
        Properties build = new Properties();
        try (InputStream in = LedgerOpenApiAutoConfiguration.class
                .getResourceAsStream("/META-INF/partnership-ledger.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build.getProperty("version", "unknown");
    }
}
