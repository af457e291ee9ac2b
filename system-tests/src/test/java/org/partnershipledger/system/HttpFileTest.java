package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpFileTest {

    static final HttpFile FILE = HttpFile.parse("""
            # a comment before anything
            @base = http://localhost:8080
            @auth = Basic manager manager-demo

            ### Open
            # @name open
            POST {{base}}/api/partnerships HTTP/1.1
            Authorization: {{auth}}
            Content-Type: application/json

            {"name": "Field sales academy"}

            ### Gone
            # expect: 404
            GET {{base}}/api/partnerships/{{open.response.body.$.partnershipId}}/kpis/{{open.response.body.$.kpis[1].id}}
            If-Match: {{open.response.headers.ETag}}
            """.lines().toList());

    @Test
    void readsRequestsWithTheirNamesExpectationsHeadersAndBodies() {
        assertThat(FILE.requests).hasSize(2);
        HttpFile.Request open = FILE.requests.get(0);
        assertThat(open.name()).isEqualTo("open");
        assertThat(open.expect()).isNull();
        assertThat(open.method()).isEqualTo("POST");
        assertThat(open.headers()).containsEntry("Content-Type", "application/json");
        assertThat(open.body()).isEqualTo("{\"name\": \"Field sales academy\"}");
        assertThat(FILE.requests.get(1).expect()).isEqualTo(404);
        assertThat(FILE.requests.get(1).body()).isEmpty();
    }

    @Test
    void resolvesFileVariablesAndEarlierAnswers() throws Exception {
        HttpFile.Answer opened = new HttpFile.Answer(new ObjectMapper().readTree(
                "{\"partnershipId\": \"p-1\", \"kpis\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}"), Map.of("ETag", "\"0\""));
        Map<String, HttpFile.Answer> answers = Map.of("open", opened);
        HttpFile.Request gone = FILE.requests.get(1);
        assertThat(FILE.resolve(gone.url(), answers)).isEqualTo("http://localhost:8080/api/partnerships/p-1/kpis/b");
        assertThat(FILE.resolve(gone.headers().get("If-Match"), answers)).isEqualTo("\"0\"");
        assertThat(HttpFile.baseAndPath(gone)).isEqualTo(Map.entry("base", "/api/partnerships/x/kpis/x"));
    }

    @Test
    void refusesWhatItCannotResolve() {
        assertThatThrownBy(() -> FILE.resolve("{{nope}}", Map.of())).hasMessageContaining("Unknown variable");
        assertThatThrownBy(() -> FILE.resolve("{{open.response.body.$.id}}", Map.of()))
                .hasMessageContaining("no earlier request");
        assertThatThrownBy(() -> HttpFile.parse(List.of("### x", "FETCH /there")))
                .hasMessageContaining("not a request line");
    }
}
