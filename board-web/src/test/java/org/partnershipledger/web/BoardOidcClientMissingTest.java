package org.partnershipledger.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A ledger started with OIDC for its APIs but no client id for the board's application: the application still
 * starts (so `./ledger up` is not held up by it), and its sign-in page says what is missing instead of offering a
 * sign-in that cannot work.
 */
@SpringBootTest(properties = "ledger.web.oidc.issuer=http://127.0.0.1:1")
@AutoConfigureMockMvc
class BoardOidcClientMissingTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theSignInPageSaysTheClientIdIsMissing() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("LEDGER_WEB_OIDC_CLIENT_ID")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"sign-in\""))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("type=\"password\""))));
    }
}
