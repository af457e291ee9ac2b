package org.partnershipledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.partnershipledger.web.signin.OidcSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: the sign-in form (Spring Security handles its POST), or, with OIDC, a link to sign in at the
 * provider.
 */
@Controller
class LoginController {

    private final OidcSettings oidc;

    LoginController(OidcSettings oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Object failure = session == null ? null : session.getAttribute("SPRING_SECURITY_LAST_EXCEPTION");
        model.addAttribute("failure", failure instanceof Exception e ? e.getMessage() : null);
        model.addAttribute("oidc", oidc.enabled());
        model.addAttribute("oidcClientMissing", oidc.clientMissing());
        model.addAttribute("oidcStart", "/oauth2/authorization/" + OidcSettings.REGISTRATION);
        return "login";
    }
}
