package org.partnershipledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed OpenAPI documents pass Redocly's recommended rules with no error and no warning. Redocly runs from
 * tools/openapi-lint, at the version its package-lock.json pins ({@code npm ci} the first time). Without npm on the
 * PATH this fails, saying so: a build that cannot lint the contract has not checked it. It runs with the system
 * tests (failsafe), so a lint finding does not keep them from running.
 */
class OpenApiLintIT {

    private static final Path TOOL = ProjectRoot.resolve("tools/openapi-lint");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"command-side", "query-side"})
    void theCommittedDocumentPassesRedoclysRecommendedRules(String api) throws Exception {
        installRedocly();
        // the api names are those of redocly.yaml, which points at docs/openapi/<api>.json
        Run json = run(List.of(redocly(), "lint", api, "--format=json"));
        JsonNode report = OpenApiDocument.JSON.readTree(json.stdout());
        int errors = report.path("totals").path("errors").asInt(-1);
        int warnings = report.path("totals").path("warnings").asInt(-1);
        System.out.printf("Redocly lint, %s: %d errors, %d warnings%n", api, errors, warnings);
        if (errors != 0 || warnings != 0) {
            // the stylish report goes to stderr
            Run readable = run(List.of(redocly(), "lint", api, "--format=stylish"));
            String findings = readable.stdout() + readable.stderr();
            System.out.println(findings);
            fail("docs/openapi/%s.json breaks Redocly's recommended rules: %d errors, %d warnings%n%s", api, errors,
                    warnings, findings);
        }
    }

    private static void installRedocly() throws Exception {
        if (onPath("npm") == null) {
            fail("npm is not on the PATH, so the OpenAPI documents cannot be linted. Install Node.js (18.17 or newer) "
                    + "and npm, e.g. apt-get install -y nodejs npm (.ci/run does this)");
        }
        if (!Files.exists(TOOL.resolve("node_modules/.bin/redocly"))) {
            Run install = run(List.of(onPath("npm"), "ci", "--no-audit", "--no-fund"));
            assertThat(install.exit()).as("npm ci in tools/openapi-lint:%n%s%s", install.stdout(), install.stderr())
                    .isZero();
        }
    }

    private static String redocly() {
        return TOOL.resolve("node_modules/.bin/redocly").toString();
    }

    private static String onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).map(Path::toString)
                .findFirst().orElse(null);
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("openapi-lint", ".out");
        Path err = Files.createTempFile("openapi-lint", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(TOOL.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("%s did not finish within 10 minutes", command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
