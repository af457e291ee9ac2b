package org.partnershipledger.system;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root directory (where mvnw is), for the files committed there: requests.http, docs/openapi. */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path resolve(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("system-tests"))) {
                return dir.resolve(file);
            }
        }
        throw new IllegalStateException("Not inside the project: no mvnw above " + Path.of("").toAbsolutePath());
    }
}
