package org.partnershipledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.partnershipledger.web.api.LedgerApi;
import org.partnershipledger.web.signin.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page has (the signed-in user), and what a page shows when the ledger refuses or does not answer. */
@ControllerAdvice
class PageAdvice {

    @ModelAttribute("me")
    SignedIn me(@AuthenticationPrincipal SignedIn me) {
        return me;
    }

    /** A manager's form before anything was typed into it. */
    @ModelAttribute("blankForm")
    FormState blankForm() {
        return FormState.empty();
    }

    @ExceptionHandler(NotReadable.class)
    String notReadable(NotReadable e, Model model, HttpServletResponse response) {
        response.setStatus(404); // a 403 and a 404 look alike: a partner learns nothing about others' partnerships
        model.addAttribute("title", "Not found");
        model.addAttribute("message", "There is nothing here you can see. It may not exist, or your role does not "
                + "show it.");
        return "problem";
    }

    @ExceptionHandler(Reads.BadPageInput.class)
    String badInput(Reads.BadPageInput e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("title", "That address cannot be read");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    @ExceptionHandler(LedgerApi.LedgerUnavailable.class)
    String unavailable(LedgerApi.LedgerUnavailable e, Model model, HttpServletResponse response) {
        response.setStatus(503);
        response.setHeader("Retry-After", e.retryAfter());
        model.addAttribute("title", "The ledger is not answering");
        model.addAttribute("message", "Try again in a moment. Nothing was recorded.");
        return "problem";
    }

    /** The API refused the session's credential (401): the session ends and the user signs in again. */
    @ExceptionHandler(SignedOut.class)
    String signedOut(HttpServletRequest request, HttpServletResponse response) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (request.getHeader("HX-Request") != null) {
            // htmx would swap the sign-in page into the part it asked for; it follows HX-Redirect instead
            response.setHeader("HX-Redirect", "/login?expired");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return "fragments :: empty";
        }
        return "redirect:/login?expired";
    }
}
