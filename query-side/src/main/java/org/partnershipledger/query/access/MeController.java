package org.partnershipledger.query.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.partnershipledger.platform.security.Principals;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Who am I?": the signed-in user's name, roles and partner organisation, as this service sees them. The board's
 * web application signs users in with it and shows each role only the forms it may use.
 */
@RestController
@Tag(name = "Access")
class MeController {

    record Me(String name, List<String> roles, String organizationId) {
    }

    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "whoAmI", summary = "The signed-in user: name, roles and, for a partner, its organisation")
    Me me(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted().toList();
        return new Me(authentication.getName(), roles, Principals.organizationId(authentication).orElse(null));
    }
}
