package dev.cuprum.spring.autoconfigure;

import dev.cuprum.LaunchMechanism;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of Cuprum's auto-configured beans, under the prefix {@code cuprum}.
 *
 * <p>Values are checked when the beans are created: a value Cuprum cannot use stops the
 * application with a failure analysis naming the property.
 */
@ConfigurationProperties("cuprum")
public class CuprumProperties {

  /** Whether to auto-configure Cuprum's catalogue, command executor and actuator support. */
  private boolean enabled = true;

  /**
   * Whether the command executor only runs programs of the catalogue, whatever a scope allows.
   */
  private boolean enforceAllowlist = true;

  /**
   * How processes start. "auto": posix_spawn through the Foreign Function and Memory API on JDK 22
   * and later (Linux, glibc 2.34, Linux 5.3) when the JVM grants native access
   * (--enable-native-access), the JDK's ProcessBuilder otherwise. "native": posix_spawn whenever the
   * JVM can, with a warning and the JDK's launcher when it cannot. "jdk": always the JDK's
   * ProcessBuilder. The actuator's cuprum endpoint shows which is in use and why.
   */
  private LaunchMechanism launcher = LaunchMechanism.AUTO;

  private final Catalogue catalogue = new Catalogue();

  private final Defaults defaults = new Defaults();

  private final Concurrency concurrency = new Concurrency();

  private final TaskExecution taskExecution = new TaskExecution();

  private final Observations observations = new Observations();

  private final Metrics metrics = new Metrics();

  private final Logging logging = new Logging();

  private final Health health = new Health();

  private final Shutdown shutdown = new Shutdown();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public LaunchMechanism getLauncher() {
    return launcher;
  }

  public void setLauncher(LaunchMechanism launcher) {
    this.launcher = launcher;
  }

  public boolean isEnforceAllowlist() {
    return enforceAllowlist;
  }

  public void setEnforceAllowlist(boolean enforceAllowlist) {
    this.enforceAllowlist = enforceAllowlist;
  }

  public Catalogue getCatalogue() {
    return catalogue;
  }

  public Defaults getDefaults() {
    return defaults;
  }

  public Concurrency getConcurrency() {
    return concurrency;
  }

  public TaskExecution getTaskExecution() {
    return taskExecution;
  }

  public Observations getObservations() {
    return observations;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  public Logging getLogging() {
    return logging;
  }

  public Health getHealth() {
    return health;
  }

  public Shutdown getShutdown() {
    return shutdown;
  }

  /** The programs Cuprum may run, grouped by project. */
  public static class Catalogue {

    /**
     * Whether the catalogue starts with the default projects: "core-ops" (echo, git, ls, rsync,
     * tar) and "docs" (mdbook). Configured projects follow them.
     */
    private boolean includeDefaults = true;

    /**
     * Projects by name, in declaration order. A project name or program may appear only once
     * in the whole catalogue, the default projects included.
     */
    private Map<String, Project> projects = new LinkedHashMap<>();

    /**
     * Whether every catalogue program is resolved to its file in the JVM's PATH at startup and
     * always run from that file, so that nothing later (a PATH overlay, a file dropped into a
     * working directory) can change which binary runs. Programs not found at startup fail when
     * run.
     */
    private boolean resolveAtStartup;

    public boolean isIncludeDefaults() {
      return includeDefaults;
    }

    public void setIncludeDefaults(boolean includeDefaults) {
      this.includeDefaults = includeDefaults;
    }

    public Map<String, Project> getProjects() {
      return projects;
    }

    public boolean isResolveAtStartup() {
      return resolveAtStartup;
    }

    public void setResolveAtStartup(boolean resolveAtStartup) {
      this.resolveAtStartup = resolveAtStartup;
    }

    public void setProjects(Map<String, Project> projects) {
      this.projects = projects;
    }
  }

  /** One project of the catalogue. */
  public static class Project {

    /** Programs the project owns: names looked up on the PATH, or absolute paths. */
    private List<String> programs = new ArrayList<>();

    /** Links for operators and reviewers; they travel with every command of the project. */
    private List<String> documentationLocations = new ArrayList<>();

    /**
     * Regular expressions matching output lines that log shippers and dashboards may drop;
     * they travel with every command of the project.
     */
    private List<String> noiseRules = new ArrayList<>();

    public List<String> getPrograms() {
      return programs;
    }

    public void setPrograms(List<String> programs) {
      this.programs = programs;
    }

    public List<String> getDocumentationLocations() {
      return documentationLocations;
    }

    public void setDocumentationLocations(List<String> documentationLocations) {
      this.documentationLocations = documentationLocations;
    }

    public List<String> getNoiseRules() {
      return noiseRules;
    }

    public void setNoiseRules(List<String> noiseRules) {
      this.noiseRules = noiseRules;
    }
  }

  /** How runs execute when the call gives no context of its own. */
  public static class Defaults {

    /**
     * Time limit of runs that get none from their call, context or scope. Unset for no limit.
     */
    private @Nullable Duration timeout;

    /** How long a process may take to exit after SIGTERM before it gets SIGKILL. */
    private Duration cancelGrace = Duration.ofMillis(500);

    /** Charset that decodes captured output and encodes stdin text. */
    private Charset charset = StandardCharsets.UTF_8;

    /**
     * How long output readers may take to reach the end of a stream after the process exits;
     * a grandchild holding the pipe open cannot delay the run longer.
     */
    private Duration drainTimeout = Duration.ofSeconds(2);

    /** Most output captured per stream; the rest is read and dropped and the result is marked truncated. */
    private DataSize maxCaptureBytes = DataSize.ofMegabytes(128);

    /**
     * Environment variables that make programs load or run other code (such as LD_LIBRARY_PATH or
     * GIT_SSH_COMMAND) which the contexts of this executor's runs may nevertheless set. Every other
     * such variable is refused before anything starts.
     */
    private List<String> allowedEnvKeys = new ArrayList<>();

    public @Nullable Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(@Nullable Duration timeout) {
      this.timeout = timeout;
    }

    public Duration getCancelGrace() {
      return cancelGrace;
    }

    public void setCancelGrace(Duration cancelGrace) {
      this.cancelGrace = cancelGrace;
    }

    public Charset getCharset() {
      return charset;
    }

    public void setCharset(Charset charset) {
      this.charset = charset;
    }

    public Duration getDrainTimeout() {
      return drainTimeout;
    }

    public void setDrainTimeout(Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
    }

    public DataSize getMaxCaptureBytes() {
      return maxCaptureBytes;
    }

    public void setMaxCaptureBytes(DataSize maxCaptureBytes) {
      this.maxCaptureBytes = maxCaptureBytes;
    }

    public List<String> getAllowedEnvKeys() {
      return allowedEnvKeys;
    }

    public void setAllowedEnvKeys(List<String> allowedEnvKeys) {
      this.allowedEnvKeys = allowedEnvKeys;
    }
  }

  /** The batch settings of the auto-configured ConcurrentConfig bean. */
  public static class Concurrency {

    /**
     * Most commands of one batch running at once. Unset to let as many run as the task executor
     * takes.
     */
    private @Nullable Integer maxConcurrency;

    /** Whether a batch stops at its first non-zero exit or error, ending the commands still running. */
    private boolean failFast;

    public @Nullable Integer getMaxConcurrency() {
      return maxConcurrency;
    }

    public void setMaxConcurrency(@Nullable Integer maxConcurrency) {
      this.maxConcurrency = maxConcurrency;
    }

    public boolean isFailFast() {
      return failFast;
    }

    public void setFailFast(boolean failFast) {
      this.failFast = failFast;
    }
  }

  /**
   * The "cuprumTaskExecutor" bean, which runs async runs and the members of concurrent batches.
   * Its threads mostly wait for processes; output is read on Cuprum's own threads.
   */
  public static class TaskExecution {

    /**
     * Name of an existing Executor bean to use instead of the "cuprumTaskExecutor" bean, which
     * is then not created.
     */
    private @Nullable String executorBean;

    /** Prefix of the names of the executor's threads. */
    private String threadNamePrefix = "cuprum-";

    /** Number of threads the pool keeps. Ignored with virtual threads. */
    private int coreSize = 8;

    /**
     * Most threads the pool grows to once its queue is full. With virtual threads, the most
     * tasks running at once; further submissions wait for one to end.
     */
    private int maxSize = Integer.MAX_VALUE;

    /** Tasks the pool queues before it grows past its core size. Ignored with virtual threads. */
    private int queueCapacity = Integer.MAX_VALUE;

    /** How long idle threads stay alive, core threads included. Ignored with virtual threads. */
    private Duration keepAlive = Duration.ofSeconds(60);

    /**
     * Whether tasks carry the submitting thread's context-propagation state (every registered
     * ThreadLocalAccessor) when io.micrometer:context-propagation is present. Cuprum's own
     * context and the current observation are carried either way.
     */
    private boolean propagateContext = true;

    public @Nullable String getExecutorBean() {
      return executorBean;
    }

    public void setExecutorBean(@Nullable String executorBean) {
      this.executorBean = executorBean;
    }

    public String getThreadNamePrefix() {
      return threadNamePrefix;
    }

    public void setThreadNamePrefix(String threadNamePrefix) {
      this.threadNamePrefix = threadNamePrefix;
    }

    public int getCoreSize() {
      return coreSize;
    }

    public void setCoreSize(int coreSize) {
      this.coreSize = coreSize;
    }

    public int getMaxSize() {
      return maxSize;
    }

    public void setMaxSize(int maxSize) {
      this.maxSize = maxSize;
    }

    public int getQueueCapacity() {
      return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
    }

    public Duration getKeepAlive() {
      return keepAlive;
    }

    public void setKeepAlive(Duration keepAlive) {
      this.keepAlive = keepAlive;
    }

    public boolean isPropagateContext() {
      return propagateContext;
    }

    public void setPropagateContext(boolean propagateContext) {
      this.propagateContext = propagateContext;
    }
  }

  /** The "cuprum.exec", "cuprum.pipeline" and "cuprum.batch" observations. */
  public static class Observations {

    /** Whether output lines become events of the command's observation (and so of its span). */
    private boolean recordOutput;

    /** Most output events recorded per command when output is recorded. */
    private int maxOutputEvents = 100;

    /** Whether spans carry the command's argv, secrets masked, as "process.command_args". */
    private boolean recordArgv = true;

    /**
     * Whether a command's environment carries the trace context of its span (TRACEPARENT,
     * TRACESTATE, BAGGAGE), so that an instrumented program continues the trace. A variable the
     * run's own environment sets is never replaced.
     */
    private boolean propagateTraceContext = true;

    /**
     * Upper bounds of the histogram buckets the "cuprum.exec" timer publishes, so that latency
     * percentiles can be computed across instances. Empty for none. Boot's
     * management.metrics.distribution.* settings for cuprum.exec win over it.
     */
    private List<Duration> timerBuckets = new ArrayList<>(List.of(Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(5)));

    public boolean isRecordOutput() {
      return recordOutput;
    }

    public void setRecordOutput(boolean recordOutput) {
      this.recordOutput = recordOutput;
    }

    public int getMaxOutputEvents() {
      return maxOutputEvents;
    }

    public void setMaxOutputEvents(int maxOutputEvents) {
      this.maxOutputEvents = maxOutputEvents;
    }

    public boolean isRecordArgv() {
      return recordArgv;
    }

    public void setRecordArgv(boolean recordArgv) {
      this.recordArgv = recordArgv;
    }

    public boolean isPropagateTraceContext() {
      return propagateTraceContext;
    }

    public void setPropagateTraceContext(boolean propagateTraceContext) {
      this.propagateTraceContext = propagateTraceContext;
    }

    public List<Duration> getTimerBuckets() {
      return timerBuckets;
    }

    public void setTimerBuckets(List<Duration> timerBuckets) {
      this.timerBuckets = timerBuckets;
    }
  }

  /** The execution counters of the metrics hook. */
  public static class Metrics {

    /**
     * Whether the metrics hook also records the "cuprum.duration" timer. Off by default: every
     * command is already timed by its "cuprum.exec" observation.
     */
    private boolean durationTimer;

    public boolean isDurationTimer() {
      return durationTimer;
    }

    public void setDurationTimer(boolean durationTimer) {
      this.durationTimer = durationTimer;
    }
  }

  /** Start and exit records of every command. */
  public static class Logging {

    /**
     * Whether every command logs a start and an exit record at INFO to the logger "cuprum",
     * from the innermost root hook.
     */
    private boolean enabled;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The "cuprum" health indicator. */
  public static class Health {

    /**
     * Catalogue programs that must resolve to an executable file for the health indicator to
     * report UP. Unset for every catalogue program. Programs left out are still listed in the
     * details, but a missing one does not make the application DOWN.
     */
    private @Nullable List<String> requiredPrograms;

    public @Nullable List<String> getRequiredPrograms() {
      return requiredPrograms;
    }

    public void setRequiredPrograms(@Nullable List<String> requiredPrograms) {
      this.requiredPrograms = requiredPrograms;
    }
  }

  /** How the command executor stops with the application. */
  public static class Shutdown {

    /**
     * How long running commands may take to finish once the application stops, before their
     * process trees are ended. Keep spring.lifecycle.timeout-per-shutdown-phase above it plus the
     * cancel grace and drain timeout, or Spring moves on before the commands are ended.
     */
    private Duration awaitTermination = Duration.ofSeconds(30);

    public Duration getAwaitTermination() {
      return awaitTermination;
    }

    public void setAwaitTermination(Duration awaitTermination) {
      this.awaitTermination = awaitTermination;
    }
  }
}
