package dev.cuprum.samples.batch;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sample's settings.
 *
 * @param inputDir the directory whose files the job compresses, one command per file; required
 * @param run the job's identifying parameter: the same value restarts an unfinished run
 * @param recover whether the manager first marks a run left STARTED by a manager that died as
 *     FAILED, so that it can restart; only when no other manager runs it
 * @param auditLog a file each started command is appended to, or none
 */
@ConfigurationProperties("sample.batch")
public record BatchSampleProperties(@Nullable Path inputDir, String run, boolean recover, @Nullable Path auditLog) {
}
