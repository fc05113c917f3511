package dev.cuprum.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.concurrent.BatchListener;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentResult;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** How the task executor behind async runs and batches is made, and what its tasks carry. */
class CuprumTaskExecutorTests {

  private static final String KEY = "cuprum.test.tenant";
  private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CuprumAutoConfiguration.class, TaskExecutionAutoConfiguration.class));

  @BeforeEach
  void registerAccessor() {
    ContextRegistry.getInstance().registerThreadLocalAccessor(new ThreadLocalAccessor<String>() {
      @Override
      public Object key() {
        return KEY;
      }

      @Override
      public String getValue() {
        return TENANT.get();
      }

      @Override
      public void setValue(String value) {
        TENANT.set(value);
      }

      @Override
      public void setValue() {
        TENANT.remove();
      }
    });
  }

  @AfterEach
  void removeAccessor() {
    ContextRegistry.getInstance().removeThreadLocalAccessor(KEY);
    TENANT.remove();
  }

  @Test
  void batchListenersSeeTheCallersContextPropagationState() {
    runner.run(context -> assertThat(tenantSeenByBatch(context.getBean(CommandExecutor.class),
        context.getBean(ProgramCatalogue.class))).containsOnly("acme"));
  }

  @Test
  void withoutContextPropagationOnTheClassPathTheExecutorStillWorksWithoutIt() {
    runner.withClassLoader(new FilteredClassLoader("io.micrometer.context.")).run(context -> {
      assertThat(context).hasBean("cuprumTaskExecutor");
      assertThat(tenantSeenByBatch(context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class)))
          .containsOnly("none");
    });
  }

  @Test
  void propagateContextFalseLeavesTheStateBehind() {
    runner.withPropertyValues("cuprum.task-execution.propagate-context=false").run(context -> assertThat(
        tenantSeenByBatch(context.getBean(CommandExecutor.class), context.getBean(ProgramCatalogue.class)))
        .containsOnly("none"));
  }

  @Test
  void applicationTaskDecoratorsApplyToo() {
    Map<String, Boolean> decorated = new ConcurrentHashMap<>();
    TaskDecorator marker = task -> () -> {
      decorated.put(Thread.currentThread().getName(), true);
      task.run();
    };
    runner.withBean(TaskDecorator.class, () -> marker).run(context -> {
      Executor executor = context.getBean("cuprumTaskExecutor", Executor.class);
      TENANT.set("acme");
      String seen = ((ThreadPoolTaskExecutor) executor).submit(TENANT::get).get(10, TimeUnit.SECONDS);
      assertThat(decorated).isNotEmpty().allSatisfy((thread, marked) -> assertThat(thread).startsWith("cuprum-"));
      assertThat(seen).isEqualTo("acme");
    });
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void virtualThreadsWhenSpringThreadsVirtualIsEnabled() {
    runner.withPropertyValues("spring.threads.virtual.enabled=true", "cuprum.task-execution.max-size=4").run(context -> {
      SimpleAsyncTaskExecutor executor = context.getBean("cuprumTaskExecutor", SimpleAsyncTaskExecutor.class);
      assertThat(executor.getConcurrencyLimit()).isEqualTo(4);
      assertThat(executor.getThreadNamePrefix()).isEqualTo("cuprum-");
      Object[] virtual = new Object[1];
      executor.submit(() -> {
        virtual[0] = Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
        return null;
      }).get(10, TimeUnit.SECONDS);
      assertThat(virtual[0]).isEqualTo(true);
      assertThat(context.getBean(CommandExecutor.class)
          .runAsync(Sh.make(Programs.ECHO).args("virtual"), RunOptions.defaults())
          .get(10, TimeUnit.SECONDS).stdout()).isEqualTo("virtual\n");
    });
  }

  private static List<String> tenantSeenByBatch(CommandExecutor executor, ProgramCatalogue catalogue)
      throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    TENANT.set("acme");
    try {
      ConcurrentResult result = executor.runConcurrentAsync(
          List.of(Sh.make(Programs.ECHO, catalogue).args("a"), Sh.make(Programs.ECHO, catalogue).args("b")),
          ConcurrentConfig.builder().listener(new BatchListener() {
            @Override
            public void started(int submissionIndex, SafeCmd cmd) {
              String tenant = TENANT.get();
              seen.add(tenant == null ? "none" : tenant);
            }
          }).build()).get(10, TimeUnit.SECONDS);
      assertThat(result.ok()).isTrue();
    } finally {
      TENANT.remove();
    }
    assertThat(seen).hasSize(2);
    return seen;
  }
}
