package org.partnershipledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Streams an answer into a file with a progress bar, so that the file is afterwards either complete or as it was
 * before: the bytes go to a temporary file beside it, which is moved into place only once the whole answer (as many
 * bytes as Content-Length promised) has arrived. A half-written pack would not verify, and would look like tampering.
 */
final class Download {

    private static final int REPORT_EVERY = 64 * 1024;

    private final PrintWriter progress;

    Download(PrintWriter progress) {
        this.progress = progress;
    }

    /**
     * @return the number of bytes written to the target
     * @throws IOException when the answer broke off or the file cannot be written; the target is then untouched
     */
    long to(HttpResponse<InputStream> response, Path target) throws IOException {
        long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".",
                ".part");
        temp.toFile().deleteOnExit(); // Ctrl-C during the download leaves no stray part behind
        try {
            long written;
            try (InputStream in = response.body(); OutputStream file = Files.newOutputStream(temp)) {
                written = copy(in, file, expected);
            }
            if (expected >= 0 && written != expected) {
                throw new IOException("the answer broke off after " + written + " of " + expected + " bytes");
            }
            move(temp, target);
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private long copy(InputStream in, OutputStream file, long expected) throws IOException {
        byte[] buffer = new byte[8192];
        long written = 0;
        long reported = 0;
        show(0, expected);
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            file.write(buffer, 0, read);
            written += read;
            if (written - reported >= REPORT_EVERY) {
                show(written, expected);
                reported = written;
            }
        }
        show(written, expected);
        progress.println();
        return written;
    }

    private void show(long written, long expected) {
        if (expected > 0) {
            double done = (double) written / expected;
            progress.printf("\rDownloading %s %5.1f%%  %d of %d bytes", ProgressBar.of(done), done * 100, written,
                    expected);
        } else {
            progress.printf("\rDownloading %d bytes", written);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
