package org.partnershipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void anExportResumesAfterItsLastCompleteLine() throws Exception {
        Path file = dir.resolve("events.ndjson");
        Files.writeString(file, "{\"id\":\"a\",\"position\":3}\n{\"id\":\"b\",\"position\":\"7\"}\n");

        assertThat(ExportCommand.lastPosition(file)).isEqualTo(7);
    }

    @Test
    void aHalfWrittenLastLineIsDroppedAndFetchedAgain() throws Exception {
        Path file = dir.resolve("events.ndjson");
        Files.writeString(file, "{\"id\":\"a\",\"position\":3}\n{\"id\":\"b\",\"posi");

        assertThat(ExportCommand.lastPosition(file)).isEqualTo(3);
        assertThat(Files.readString(file)).isEqualTo("{\"id\":\"a\",\"position\":3}\n");
    }

    @Test
    void aMissingOrEmptyFileStartsFromTheBeginning() throws Exception {
        assertThat(ExportCommand.lastPosition(dir.resolve("none.ndjson"))).isZero();
        Path empty = Files.createFile(dir.resolve("empty.ndjson"));
        assertThat(ExportCommand.lastPosition(empty)).isZero();
    }
}
