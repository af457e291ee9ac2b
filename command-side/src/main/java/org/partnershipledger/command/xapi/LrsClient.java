package org.partnershipledger.command.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads pages of statements from an LRS's Statements resource, as xAPI 1.0.3 with Basic credentials. */
@Component
class LrsClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json;
    private final SourcePasswords passwords;

    LrsClient(ObjectMapper json, SourcePasswords passwords) {
        this.json = json;
        this.passwords = passwords;
    }

    /** The first page of the source's query, from its cursor: a pending {@code more} URL, else {@code since}. */
    static URI first(XapiSources.Source source) {
        if (source.moreUrl() != null) {
            return next(source, source.moreUrl());
        }
        List<String> query = new ArrayList<>();
        query.add("ascending=true");
        if (source.since() != null) {
            query.add("since=" + encode(DateTimeFormatter.ISO_INSTANT.format(source.since())));
        }
        if (source.activity() != null) {
            query.add("activity=" + encode(source.activity()));
        }
        if (source.verb() != null) {
            query.add("verb=" + encode(source.verb()));
        }
        if (source.relatedActivities()) {
            query.add("related_activities=true");
        }
        return base(source).resolve("statements?" + String.join("&", query));
    }

    static URI next(XapiSources.Source source, String more) {
        return base(source).resolve(more);
    }

    private static URI base(XapiSources.Source source) {
        return URI.create(source.endpoint().endsWith("/") ? source.endpoint() : source.endpoint() + "/");
    }

    /** One StatementResult: {@code {statements: [...], more: "..."}}. Errors name the status, never credentials. */
    JsonNode page(XapiSources.Source source, URI url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header(XapiVersion.HEADER, "1.0.3").header("Accept", "application/json").GET();
        if (source.username() != null) {
            String password = passwords.open(source.name(), source.password());
            String pair = source.username() + ":" + (password == null ? "" : password);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The LRS answered " + response.statusCode() + " to GET " + url.getPath());
        }
        JsonNode page = json.readTree(response.body());
        if (page == null || !page.path("statements").isArray()) {
            throw new IOException("The LRS answered no StatementResult (no statements array)");
        }
        return page;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
