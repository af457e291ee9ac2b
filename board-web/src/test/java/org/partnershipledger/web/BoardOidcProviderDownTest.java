package org.partnershipledger.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.IOException;
import java.net.ServerSocket;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The application starts while the OIDC provider is down, and signing in says the provider is not answering. */
@SpringBootTest
@AutoConfigureMockMvc
class BoardOidcProviderDownTest {

    @DynamicPropertySource
    static void nobodyAnswers(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("ledger.web.oidc.issuer", () -> "http://127.0.0.1:" + closedPort);
        registry.add("ledger.web.oidc.client-id", () -> "board-web");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void signingInWhileTheProviderIsDownSaysSoRatherThanFailing() throws Exception {
        mvc.perform(get("/oauth2/authorization/ledger")).andExpect(redirectedUrl("/login?unavailable"));
        mvc.perform(get("/login").param("unavailable", ""))
                .andExpect(content().string(Matchers.containsString("The sign-in provider is not answering")));
    }
}
