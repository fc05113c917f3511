package dev.cuprum.spring.batch;

import static dev.cuprum.testing.TestPrograms.sh;
import static dev.cuprum.spring.batch.TestJobs.newParameters;
import static dev.cuprum.spring.batch.TestJobs.onlyStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.NonZeroExitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = BatchTestApplication.class, properties = "spring.batch.job.enabled=false")
class CommandItemTests {

  @Autowired
  private CommandExecutor executor;

  @Autowired
  private JobOperator jobOperator;

  @Autowired
  private JobRepository jobRepository;

  @TempDir
  private Path dir;

  @Test
  void theProcessorRunsOneCommandPerItemAndAFailingItemIsSkippedByTheStepsPolicy() throws Exception {
    List<CommandItemResult<String>> written = new CopyOnWriteArrayList<>();
    CommandItemProcessor<String> processor = new CommandItemProcessor<>(executor,
        item -> item.equals("skip-me") ? null : sh("echo \"$1\"; test \"$1\" != bad", item));
    Job job = job(new StepBuilder("process", jobRepository).<String, CommandItemResult<String>>chunk(2)
        .reader(new ListItemReader<>(List.of("a", "bad", "skip-me", "c")))
        .processor(processor)
        .writer(chunk -> chunk.forEach(written::add))
        .faultTolerant().skip(NonZeroExitException.class).skipLimit(5)
        .build());

    StepExecution step = onlyStep(jobOperator.start(job, newParameters()));

    assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(step.getProcessSkipCount()).isEqualTo(1);
    assertThat(step.getFilterCount()).isEqualTo(1);
    assertThat(written).extracting(CommandItemResult::item).containsExactly("a", "c");
    assertThat(written).extracting(r -> r.result().stdout()).containsExactly("a\n", "c\n");
  }

  @Test
  void aFailingItemIsRetriedByTheStepsPolicy() throws Exception {
    List<CommandItemResult<String>> written = new CopyOnWriteArrayList<>();
    // Fails the first time for each item: the attempt leaves a marker the second attempt finds.
    CommandItemProcessor<String> processor = new CommandItemProcessor<>(executor,
        item -> sh("if [ -e \"$1/$2\" ]; then echo \"$2\"; else touch \"$1/$2\"; exit 1; fi", dir, item));
    Job job = job(new StepBuilder("retry", jobRepository).<String, CommandItemResult<String>>chunk(1)
        .reader(new ListItemReader<>(List.of("a", "b")))
        .processor(processor)
        .writer(chunk -> chunk.forEach(written::add))
        .faultTolerant().retry(NonZeroExitException.class).retryLimit(2)
        .build());

    StepExecution step = onlyStep(jobOperator.start(job, newParameters()));

    assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(written).extracting(r -> r.result().stdout()).containsExactly("a\n", "b\n");
  }

  @Test
  void theWriterRunsOneCommandPerItemInOrder() throws Exception {
    CommandItemWriter<String> writer = new CommandItemWriter<>(executor, item -> sh("echo \"$2\" >> \"$1/log\"", dir, item));
    Job job = job(new StepBuilder("write", jobRepository).<String, String>chunk(2)
        .reader(new ListItemReader<>(List.of("one", "two", "three")))
        .writer(writer)
        .build());

    assertThat(onlyStep(jobOperator.start(job, newParameters())).getWriteCount()).isEqualTo(3);
    assertThat(Files.readAllLines(dir.resolve("log"))).containsExactly("one", "two", "three");
  }

  @Test
  void aWriterCommandThatFailsFailsTheStep() throws Exception {
    CommandItemWriter<String> writer = new CommandItemWriter<>(executor, item -> sh("exit 4"));
    Job job = job(new StepBuilder("write-fails", jobRepository).<String, String>chunk(2)
        .reader(new ListItemReader<>(List.of("one")))
        .writer(writer)
        .build());

    StepExecution step = onlyStep(jobOperator.start(job, newParameters()));

    assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(step.getFailureExceptions()).singleElement()
        .satisfies(failure -> assertThat(failure).hasRootCauseInstanceOf(NonZeroExitException.class));
  }

  private Job job(org.springframework.batch.core.step.Step step) {
    return TestJobs.of(step.getName(), step, jobRepository);
  }
}
