package dev.cuprum.samples.batch;

import dev.cuprum.SafeCmd;
import dev.cuprum.context.BeforeHook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Appends every command to {@code sample.batch.audit-log} before it starts, argv masked: a record
 * that outlives the JVM, whichever way it ends.
 */
@Component
@ConditionalOnProperty("sample.batch.audit-log")
class AuditLog implements BeforeHook {

  private final Path file;

  AuditLog(BatchSampleProperties properties) {
    this.file = Objects.requireNonNull(properties.auditLog(), "sample.batch.audit-log");
  }

  @Override
  public void before(SafeCmd cmd) {
    String line = String.join(" ", cmd.maskedArgvWithProgram()) + System.lineSeparator();
    try {
      // One write with O_APPEND: lines of concurrent commands do not interleave.
      Files.write(file, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to the audit log " + file, e);
    }
  }
}
