package org.partnershipledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Each service's OpenAPI document names the service and says how to authenticate, so its UI can call it. */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class LedgerOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI ledgerOpenApi(@Value("${spring.application.name:ledger}") String service) {
        return new OpenAPI()
                .info(new Info().title("Partnership Ledger: " + service)
                        .description("An event-sourced system of record for training partnerships."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
