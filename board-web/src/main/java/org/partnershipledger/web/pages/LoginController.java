package org.partnershipledger.web.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (Spring Security handles the form's POST). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(jakarta.servlet.http.HttpServletRequest request, org.springframework.ui.Model model) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        Object failure = session == null ? null : session.getAttribute("SPRING_SECURITY_LAST_EXCEPTION");
        model.addAttribute("failure", failure instanceof Exception e ? e.getMessage() : null);
        return "login";
    }
}
