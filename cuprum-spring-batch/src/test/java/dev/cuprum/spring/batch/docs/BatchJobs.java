package dev.cuprum.spring.batch.docs;

import dev.cuprum.CommandExecutor;
import dev.cuprum.NonZeroExitException;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.builders.SafePath;
import dev.cuprum.builders.Tar;
import dev.cuprum.spring.batch.CommandItemProcessor;
import dev.cuprum.spring.batch.CommandItemResult;
import dev.cuprum.spring.batch.CommandSteps;
import dev.cuprum.spring.batch.CommandTasklet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The guide's three jobs: one command, one command per item, a batch of commands in partitions. */
@SpringBootConfiguration
@EnableAutoConfiguration
class BatchJobs {

  static final Program GZIP = Program.of("gzip");

  /** What the item example's writer received. */
  static final List<CommandItemResult<String>> CHECKED = new CopyOnWriteArrayList<>();

  @Bean
  ProgramCatalogue programCatalogue() {
    List<ProjectSettings> projects = new ArrayList<>(ProgramCatalogue.defaults().projects());
    projects.add(ProjectSettings.builder("reports").programs(GZIP).build());
    return ProgramCatalogue.of(projects);
  }

  // tag::batch-tasklet[]
  @Bean
  Job archiveJob(JobRepository jobRepository, CommandSteps steps, @Value("${reports.dir}") Path reports) {
    CommandTasklet archive = steps.tasklet()
        .command(Tar.create(reports.resolve("reports.tar"), List.of(reports.resolve("today"))))
        .options(RunOptions.builder().timeout(Duration.ofMinutes(10)).build())
        .build();
    return new JobBuilder("archive", jobRepository).start(steps.step("archive", archive)).build();
  }
  // end::batch-tasklet[]

  // tag::batch-items[]
  @Bean
  Job checkJob(JobRepository jobRepository, CommandExecutor executor, ProgramCatalogue catalogue,
      @Value("${reports.dir}") Path reports) {
    // gzip -t exits non-zero for a damaged archive: that item is skipped, the others go on.
    CommandItemProcessor<String> test = new CommandItemProcessor<>(executor,
        name -> Sh.make(GZIP, catalogue).args("-t", "--", SafePath.within(reports, name).value()));
    Step check = new StepBuilder("check", jobRepository).<String, CommandItemResult<String>>chunk(10)
        .reader(new ListItemReader<>(List.of("a.csv.gz", "damaged.csv.gz", "c.csv.gz")))
        .processor(test)
        .writer(checked -> checked.forEach(CHECKED::add))
        .faultTolerant().skip(NonZeroExitException.class).skipLimit(100)
        .build();
    return new JobBuilder("check", jobRepository).start(check).build();
  }
  // end::batch-items[]

  // tag::batch-partitions[]
  @Bean
  Job compressJob(JobRepository jobRepository, CommandSteps steps, ProgramCatalogue catalogue,
      @Value("${reports.dir}") Path reports) {
    List<String> files = List.of("a.csv", "b.csv", "c.csv");
    Step compress = steps.partitionedCommands("compress", files,
        file -> Sh.make(GZIP, catalogue).args("-kf", "--", SafePath.within(reports, file).value()));
    return new JobBuilder("compress", jobRepository).start(compress).build();
  }
  // end::batch-partitions[]
}
