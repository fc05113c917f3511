package dev.cuprum.spring.batch;

import static dev.cuprum.testing.TestPrograms.sh;
import static dev.cuprum.spring.batch.TestJobs.newParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = BatchTestApplication.class,
    properties = { "spring.batch.job.enabled=false", "cuprum.batch.concurrency=3" })
class CommandPartitionTests {

  @Autowired
  private CommandSteps steps;

  @Autowired
  private JobOperator jobOperator;

  @Autowired
  private JobRepository jobRepository;

  @Autowired
  private TestObservationRegistry observations;

  @TempDir
  private Path dir;

  @Test
  void everyItemRunsAsAPartitionAtTheConfiguredConcurrency() throws Exception {
    List<String> items = IntStream.range(0, 12).mapToObj(i -> "item-" + i).toList();
    Path log = dir.resolve("log");
    // Each command logs its item and how many commands run at that moment.
    Job job = job("local-batch", steps.partitionedCommands("local-batch", items,
        item -> sh("mkdir \"$1/running-$2\"; echo \"$2 $(ls -d \"$1\"/running-* | wc -l)\" >> \"$1/log\";"
            + " sleep 0.2; rmdir \"$1/running-$2\"", dir, item)));

    JobExecution execution = jobOperator.start(job, newParameters());

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    List<StepExecution> partitions = partitions(execution, "local-batch.command");
    assertThat(partitions).hasSize(12).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED));
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).extracting(line -> line.split(" ")[0]).containsExactlyInAnyOrderElementsOf(items);
    assertThat(lines).extracting(line -> Integer.parseInt(line.split(" ")[1])).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
  }

  @Test
  void aRestartRunsOnlyThePartitionsThatDidNotComplete() throws Exception {
    List<String> items = IntStream.range(0, 6).mapToObj(i -> "item-" + i).toList();
    Files.createFile(dir.resolve("fail-item-4"));
    Job job = job("restartable", steps.partitionedCommands("restartable", items,
        item -> sh("echo \"$2\" >> \"$1/ran\"; test ! -e \"$1/fail-$2\"", dir, item)));
    JobParameters parameters = newParameters();

    JobExecution first = jobOperator.start(job, parameters);
    assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(Files.readAllLines(dir.resolve("ran"))).hasSize(6);

    Files.delete(dir.resolve("fail-item-4"));
    JobExecution second = jobOperator.start(job, parameters);

    assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(partitions(second, "restartable.command")).singleElement()
        .satisfies(p -> assertThat(CommandPartitioner.item(p)).isEqualTo("item-4"));
    assertThat(Files.readAllLines(dir.resolve("ran"))).hasSize(7).endsWith("item-4");
  }

  @Test
  void aRestartWithAnItemAddedRunsTheNewItemAndTheFailedOneOnly() throws Exception {
    Files.createFile(dir.resolve("fail-b"));
    JobParameters parameters = newParameters();
    Job first = job("grown", steps.partitionedCommands("grown", List.of("b", "c", "d"),
        item -> sh("echo \"$2\" >> \"$1/ran\"; test ! -e \"$1/fail-$2\"", dir, item)));
    assertThat(jobOperator.start(first, parameters).getStatus()).isEqualTo(BatchStatus.FAILED);

    Files.delete(dir.resolve("fail-b"));
    Job second = job("grown", steps.partitionedCommands("grown", List.of("a", "b", "c", "d"),
        item -> sh("echo \"$2\" >> \"$1/ran\"; test ! -e \"$1/fail-$2\"", dir, item)));
    JobExecution restart = jobOperator.start(second, parameters);

    assertThat(restart.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(Files.readAllLines(dir.resolve("ran")).subList(3, 5)).containsExactlyInAnyOrder("a", "b");
    assertThat(Files.readAllLines(dir.resolve("ran"))).hasSize(5);
  }

  @Test
  void anItemListedTwiceIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> CommandPartitioner.of(List.of("a", "b", "a")))
        .withMessageContaining("'a' is listed twice");
  }

  @Test
  void eachCommandsObservationNestsInItsPartitionsStepInTheManagerStepInTheJob() throws Exception {
    List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    observations.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
    Job job = new JobBuilder("observed", jobRepository).observationRegistry(observations)
        .start(steps.partitionedCommands("observed", List.of("a", "b"), item -> sh("echo \"$1\"", item)))
        .build();

    assertThat(jobOperator.start(job, newParameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    List<Observation.Context> commands = stopped.stream().filter(c -> c.getName().equals("cuprum.exec")).toList();
    assertThat(commands).hasSize(2).allSatisfy(command -> {
      Observation.ContextView partition = command.getParentObservation().getContextView();
      assertThat(partition.getName()).isEqualTo("spring.batch.step");
      assertThat(partition.getLowCardinalityKeyValue("spring.batch.step.name").getValue()).startsWith("observed.command:");
      Observation.ContextView manager = partition.getParentObservation().getContextView();
      assertThat(manager.getLowCardinalityKeyValue("spring.batch.step.name").getValue()).isEqualTo("observed");
      assertThat(manager.getParentObservation().getContextView().getName()).isEqualTo("spring.batch.job");
    });
  }

  private Job job(String name, org.springframework.batch.core.step.Step step) {
    return TestJobs.of(name, step, jobRepository);
  }

  private static List<StepExecution> partitions(JobExecution execution, String workerName) {
    return execution.getStepExecutions().stream().filter(s -> s.getStepName().startsWith(workerName + ":")).toList();
  }
}
