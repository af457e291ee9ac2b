package org.partnershipledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ProblemCode} is the one catalogue of codes: no module answers a code that is not in it, and docs/api.md
 * lists exactly its codes with their status and meaning.
 */
class ProblemCatalogueTest {

    private static final String CODE = "([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)";
    /**
     * Where a string is used as a problem code: the first string argument of a call that builds a problem or a
     * refusal, the value of a {@code "code"} property, a constant called {@code CODE}.
     */
    private static final List<Pattern> USED_AS_CODE = List.of(
            Pattern.compile("(?:Problems\\s*\\.\\s*(?:respond|problem)|new\\s+(?:\\w+\\.)*(?:NotFound|Conflict"
                    + "|RuleViolated|Invalid|VersionMismatch|RejectionDetails|LedgerRejection)|\\brejected)"
                    + "\\s*\\([^;\"]*?\"" + CODE + "\""),
            Pattern.compile("\"code\"\\s*[,:]\\s*\"" + CODE + "\""),
            Pattern.compile("\\bCODE\\s*=\\s*\"" + CODE + "\""));
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| (\\d{3}) \\| (.*) \\|$");
    private static final String HEADING = "## Problem codes";

    @Test
    void everyCodeUsedAsAStringIsInTheCatalogue() throws IOException {
        Set<String> catalogue = Arrays.stream(ProblemCode.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        int files = 0;
        for (Path source : mainSources()) {
            files++;
            String text = Files.readString(source);
            codesIn(text).stream().filter(code -> !catalogue.contains(code))
                    .forEach(code -> unknown.add(code + " in " + projectRoot().relativize(source)));
        }

        assertThat(files).as("main sources found under the project root").isGreaterThan(100);
        assertThat(unknown).as("codes not in ProblemCode").isEmpty();
    }

    @Test
    void theScanFindsCodesInEveryShapeTheyAreUsed() {
        assertThat(codesIn("""
                return Problems.respond(HttpStatus.BAD_REQUEST, "REASON_REQUIRED",
                        "Say why");
                throw new NotFound("CHECK_NOT_FOUND", "No check " + id);
                .orElseThrow(() -> new LedgerRejection.NotFound("NO_SUCH_THING",
                        "Nothing");
                body.put("code", "MADE_UP");
                public static final String CODE = "STORE_DOWN";
                Problems.problem(ProblemCode.VALIDATION_FAILED, "NOT A CODE"); log.info("ALSO_NOT");
                """)).containsExactlyInAnyOrder("REASON_REQUIRED", "CHECK_NOT_FOUND", "NO_SUCH_THING", "MADE_UP",
                "STORE_DOWN");
    }

    @Test
    void theApiDocumentListsExactlyTheCatalogue() throws IOException {
        List<String> documented = Files.readAllLines(projectRoot().resolve("docs/api.md")).stream()
                .dropWhile(line -> !line.equals(HEADING))
                .filter(line -> TABLE_ROW.matcher(line).matches())
                .toList();

        assertThat(String.join("\n", documented))
                .as("the table under '%s' in docs/api.md (generated from ProblemCode)", HEADING)
                .isEqualTo(table());
    }

    /** The rows docs/api.md must have, in the catalogue's order. */
    static String table() {
        return Arrays.stream(ProblemCode.values())
                .map(code -> "| `" + code.name() + "` | " + code.status().value() + " | " + code.meaning() + " |")
                .collect(Collectors.joining("\n"));
    }

    static Set<String> codesIn(String source) {
        Set<String> codes = new TreeSet<>();
        for (Pattern pattern : USED_AS_CODE) {
            Matcher matcher = pattern.matcher(source);
            while (matcher.find()) {
                codes.add(matcher.group(1));
            }
        }
        return codes;
    }

    private static List<Path> mainSources() throws IOException {
        Path root = projectRoot();
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(ProblemCatalogueTest::javaFiles).sorted().toList();
        }
    }

    private static Stream<Path> javaFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory of the parent pom: the first one above this module's that has a pom.xml. */
    private static Path projectRoot() {
        Path module = Path.of("").toAbsolutePath();
        for (Path dir = module.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("ledger-platform"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No project root above " + module);
    }
}
