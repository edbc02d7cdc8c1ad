package io.camelblackpearl.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The CLI's {@code --access-log FILE}: one line per request, as an appliance's access log would say it
 * ({@code 2026-12-02T21:54:26.123Z GET /_rest_/completed_job?page_length=1000 200}), written and flushed as
 * each request is recorded, so that another process can count what reached the appliance.
 */
final class AccessLog implements Consumer<RecordedRequest> {

    private final Writer out;

    AccessLog(Path file) {
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalArgumentException("Option --access-log: cannot write '" + file + "': " + e.getMessage());
        }
    }

    @Override
    public synchronized void accept(RecordedRequest request) {
        try {
            out.write(request.receivedAt() + " " + request.method() + " " + request.rawPath()
                    + (request.rawQuery() == null ? "" : "?" + request.rawQuery()) + " " + request.status() + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
