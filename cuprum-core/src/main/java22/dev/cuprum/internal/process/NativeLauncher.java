package dev.cuprum.internal.process;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts processes with {@code posix_spawn(3)} through the Foreign Function and Memory API: one
 * exec per command, where the JDK's launcher execs a helper first. The JVM's ends of the pipes
 * are non-blocking and served by one {@link Poller} thread, exits are seen through pidfds, and
 * the pumps run on virtual threads: a running command holds no platform thread of its own.
 *
 * <p>The child gets what the JDK's launcher gives it: the builder's argv, environment, working
 * directory and redirects, every signal at its default action and none blocked, and no
 * descriptor of the JVM's but its standard streams. Used through {@link Launchers}, which
 * loads it on JDK 22 and later when {@link #unavailableReason()} is null.
 */
final class NativeLauncher implements ProcessLauncher {

  private static final Charset ARGUMENT_CHARSET = argumentCharset();

  private final Poller poller;
  private final MemorySegment attributes;

  private NativeLauncher(Poller poller) {
    this.poller = poller;
    this.attributes = spawnAttributes();
  }

  /** The launcher, or an {@link IllegalStateException} saying why it cannot run here. */
  static NativeLauncher create() {
    String reason = unavailableReason();
    if (reason != null) {
      throw new IllegalStateException(reason);
    }
    try {
      return new NativeLauncher(new Poller());
    } catch (IOException e) {
      throw new IllegalStateException("epoll is not available: " + e.getMessage(), e);
    }
  }

  /** Why the native launcher cannot run in this JVM, or null when it can. */
  static String unavailableReason() {
    if (!"Linux".equals(System.getProperty("os.name"))) {
      return "the native launcher runs on Linux only";
    }
    String arch = System.getProperty("os.arch");
    if (!"amd64".equals(arch) && !"aarch64".equals(arch)) {
      return "the native launcher runs on x86-64 and AArch64 only, not on " + arch;
    }
    try {
      if (!Libc.complete()) {
        return "the C library lacks posix_spawn_file_actions_addclosefrom_np (glibc 2.34 or later is needed)";
      }
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment state = Libc.callState(arena);
        int pidfd = Libc.pidfdOpen(state, ProcessHandle.current().pid());
        if (pidfd < 0) {
          return "pidfd_open is not available (Linux 5.3 or later is needed): " + Libc.strerror(Libc.errno(state));
        }
        Libc.close(state, pidfd);
      }
      return null;
    } catch (IllegalCallerException | LinkageError e) {
      return "native access is denied: " + e.getMessage();
    }
  }

  /** Whether the JVM allows this module native access without a warning. */
  static boolean nativeAccessEnabled() {
    return NativeLauncher.class.getModule().isNativeAccessEnabled();
  }

  @Override
  public Process start(ProcessBuilder builder) throws IOException {
    return spawn(List.of(builder)).get(0);
  }

  @Override
  public List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException {
    for (int i = 0; i < builders.size(); i++) {
      ProcessBuilder stage = builders.get(i);
      if (i > 0 && stage.redirectInput() != ProcessBuilder.Redirect.PIPE) {
        throw new IllegalArgumentException("builder redirectInput() must be PIPE except for the first builder: "
            + stage.redirectInput());
      }
      if (i < builders.size() - 1 && stage.redirectOutput() != ProcessBuilder.Redirect.PIPE) {
        throw new IllegalArgumentException("builder redirectOutput() must be PIPE except for the last builder: "
            + stage.redirectOutput());
      }
    }
    return spawn(builders);
  }

  @Override
  public void terminate(List<Process> roots, Duration grace) {
    ProcessTree.terminate(roots, grace);
  }

  @Override
  public String description() {
    return "native: posix_spawn through the Foreign Function and Memory API, one poller thread";
  }

  @Override
  public String toString() {
    return description();
  }

  /** Starts the stages, each one's stdout into the next one's stdin; when one fails, none is left running. */
  private List<Process> spawn(List<ProcessBuilder> stages) throws IOException {
    List<Process> started = new ArrayList<>(stages.size());
    Descriptors fds = new Descriptors();
    try (Arena arena = Arena.ofConfined()) {
      int previousOutput = -1;
      for (int i = 0; i < stages.size(); i++) {
        ProcessBuilder stage = stages.get(i);
        boolean last = i == stages.size() - 1;
        int childIn;
        int parentIn = -1;
        if (i > 0) {
          childIn = previousOutput;
        } else if (stage.redirectInput() == ProcessBuilder.Redirect.PIPE) {
          int[] pipe = fds.pipe(arena);
          childIn = pipe[0];
          parentIn = pipe[1];
        } else {
          childIn = fds.redirect(arena, stage.redirectInput(), true);
        }
        int childOut;
        int parentOut = -1;
        if (!last || stage.redirectOutput() == ProcessBuilder.Redirect.PIPE) {
          int[] pipe = fds.pipe(arena);
          childOut = pipe[1];
          if (last) {
            parentOut = pipe[0];
          } else {
            previousOutput = pipe[0];
          }
        } else {
          childOut = fds.redirect(arena, stage.redirectOutput(), false);
        }
        int childErr = -1;
        int parentErr = -1;
        if (!stage.redirectErrorStream()) {
          if (stage.redirectError() == ProcessBuilder.Redirect.PIPE) {
            int[] pipe = fds.pipe(arena);
            childErr = pipe[1];
            parentErr = pipe[0];
          } else {
            childErr = fds.redirect(arena, stage.redirectError(), false);
          }
        }
        long pid = spawnOne(arena, stage, childIn, childOut, childErr);
        fds.closeChildEnds(arena, childIn, childOut, childErr);
        started.add(process(arena, pid, fds, parentIn, parentOut, parentErr));
      }
      return started;
    } catch (IOException | RuntimeException | Error e) {
      fds.closeAll();
      for (Process process : started) {
        process.destroyForcibly();
        Waits.waitFor(process);
        closeStreams(process);
      }
      throw e;
    }
  }

  private static void closeStreams(Process process) {
    try {
      process.getOutputStream().close();
      process.getInputStream().close();
      process.getErrorStream().close();
    } catch (IOException e) {
      // The pipes of the launcher's own streams close without failing.
    }
  }

  private long spawnOne(Arena arena, ProcessBuilder stage, int childIn, int childOut, int childErr)
      throws IOException {
    List<String> command = stage.command();
    MemorySegment argv = strings(arena, command);
    List<String> environment = new ArrayList<>();
    for (Map.Entry<String, String> entry : stage.environment().entrySet()) {
      environment.add(entry.getKey() + "=" + entry.getValue());
    }
    MemorySegment envp = strings(arena, environment);
    File directory = stage.directory();
    MemorySegment actions = arena.allocate(Libc.FILE_ACTIONS_SIZE, 16);
    check(Libc.fileActionsInit(actions), "posix_spawn_file_actions_init");
    try {
      dup(actions, childIn, 0);
      dup(actions, childOut, 1);
      if (stage.redirectErrorStream()) {
        check(Libc.fileActionsDup2(actions, 1, 2), "posix_spawn_file_actions_adddup2");
      } else {
        dup(actions, childErr, 2);
      }
      check(Libc.fileActionsCloseFrom(actions, 3), "posix_spawn_file_actions_addclosefrom_np");
      if (directory != null) {
        check(Libc.fileActionsChdir(actions, cString(arena, directory.getPath())), "posix_spawn_file_actions_addchdir_np");
      }
      MemorySegment pid = arena.allocate(ValueLayout.JAVA_INT);
      int error = Libc.posixSpawnp(pid, argv.get(ValueLayout.ADDRESS, 0), actions, attributes, argv, envp);
      if (error != 0) {
        throw new IOException("Cannot run program \"" + command.get(0) + "\""
            + (directory == null ? "" : " (in directory \"" + directory + "\")")
            + ": error=" + error + ", " + Libc.strerror(error));
      }
      return pid.get(ValueLayout.JAVA_INT, 0);
    } finally {
      Libc.fileActionsDestroy(actions);
    }
  }

  /**
   * The process of a child just spawned, owning the JVM's ends of its pipes. When it cannot be
   * made, the child is killed and reaped, and the ends are left to {@code fds} to close.
   */
  private Process process(Arena arena, long pid, Descriptors fds, int stdin, int stdout, int stderr)
      throws IOException {
    MemorySegment state = Libc.callState(arena);
    int pidfd = Libc.pidfdOpen(state, pid);
    NativeProcess process = null;
    try {
      if (pidfd < 0) {
        throw new IOException("pidfd_open: " + Libc.strerror(Libc.errno(state)));
      }
      nonBlocking(arena, stdin, stdout, stderr);
      process = new NativeProcess(poller, pid, pidfd,
          stdin < 0 ? ClosedOutputStream.INSTANCE : new PipeOutputStream(new Pipe(poller, fds.own(stdin))),
          stdout < 0 ? InputStream.nullInputStream() : new PipeInputStream(new Pipe(poller, fds.own(stdout))),
          stderr < 0 ? InputStream.nullInputStream() : new PipeInputStream(new Pipe(poller, fds.own(stderr))));
      process.watch();
      return process;
    } catch (IOException | RuntimeException | Error e) {
      killAndReap(arena, pid, pidfd);
      if (process != null) {
        closeStreams(process);
      }
      throw e;
    }
  }

  /** Ends a child nobody will wait for: SIGKILL, then a blocking reap, so no zombie is left. */
  private static void killAndReap(Arena arena, long pid, int pidfd) {
    MemorySegment state = Libc.callState(arena);
    if (pidfd >= 0) {
      Libc.pidfdSendSignal(state, pidfd, Libc.SIGKILL);
    } else {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
    MemorySegment info = arena.allocate(Libc.SIGINFO_SIZE, 8);
    while (Libc.waitid(state, Libc.P_PID, (int) pid, info, Libc.WEXITED) < 0 && Libc.errno(state) == Libc.EINTR) {
      // Interrupted by a signal: wait again.
    }
    if (pidfd >= 0) {
      Libc.close(state, pidfd);
    }
  }

  /** Makes the JVM's ends non-blocking (the child's ends stay blocking: they are other open files). */
  private static void nonBlocking(Arena arena, int... fds) throws IOException {
    MemorySegment state = Libc.callState(arena);
    for (int fd : fds) {
      if (fd >= 0 && Libc.fcntl(state, fd, Libc.F_SETFL, Libc.O_NONBLOCK) < 0) {
        throw new IOException("fcntl: " + Libc.strerror(Libc.errno(state)));
      }
    }
  }

  private static void dup(MemorySegment actions, int fd, int target) throws IOException {
    if (fd >= 0) {
      check(Libc.fileActionsDup2(actions, fd, target), "posix_spawn_file_actions_adddup2");
    }
  }

  private static void check(int error, String function) throws IOException {
    if (error != 0) {
      throw new IOException(function + ": " + Libc.strerror(error));
    }
  }

  /** A NULL-terminated array of C strings. */
  private static MemorySegment strings(Arena arena, List<String> values) throws IOException {
    MemorySegment array = arena.allocate(ValueLayout.ADDRESS, values.size() + 1L);
    for (int i = 0; i < values.size(); i++) {
      array.setAtIndex(ValueLayout.ADDRESS, i, cString(arena, values.get(i)));
    }
    array.setAtIndex(ValueLayout.ADDRESS, values.size(), MemorySegment.NULL);
    return array;
  }

  private static MemorySegment cString(Arena arena, String value) throws IOException {
    if (value.indexOf('\0') >= 0) {
      throw new IOException("invalid null character in command");
    }
    return arena.allocateFrom(value, ARGUMENT_CHARSET);
  }

  private static MemorySegment spawnAttributes() {
    Arena arena = Arena.global();
    MemorySegment attributes = arena.allocate(Libc.SPAWN_ATTR_SIZE, 16);
    MemorySegment none = arena.allocate(Libc.SIGSET_SIZE, 8);
    MemorySegment all = arena.allocate(Libc.SIGSET_SIZE, 8);
    Libc.attrInit(attributes);
    Libc.sigemptyset(none);
    Libc.sigfillset(all);
    Libc.attrSetSigmask(attributes, none);
    Libc.attrSetSigdefault(attributes, all);
    Libc.attrSetFlags(attributes, (short) (Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF));
    return attributes;
  }

  /** The charset the JDK encodes arguments and environment with, so both launchers pass the same bytes. */
  private static Charset argumentCharset() {
    String name = System.getProperty("sun.jnu.encoding", System.getProperty("native.encoding", "UTF-8"));
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /** The stdin of a child whose input is redirected: writing to it fails as the JDK's does. */
  private static final class ClosedOutputStream extends OutputStream {

    static final ClosedOutputStream INSTANCE = new ClosedOutputStream();

    @Override
    public void write(int b) throws IOException {
      throw new IOException("Stream closed");
    }
  }

  /**
   * The descriptors of one spawn: the child's ends are closed once the child has them, the JVM's
   * are handed to streams, and all of them are closed when the spawn fails.
   */
  private static final class Descriptors {

    private final List<Integer> open = new ArrayList<>();

    /** A pipe whose two ends are closed on exec and above the standard streams. */
    int[] pipe(Arena arena) throws IOException {
      MemorySegment ends = arena.allocate(ValueLayout.JAVA_INT, 2);
      MemorySegment state = Libc.callState(arena);
      if (Libc.pipe2(state, ends, Libc.O_CLOEXEC) < 0) {
        throw new IOException("pipe2: " + Libc.strerror(Libc.errno(state)));
      }
      int read = above(arena, ends.getAtIndex(ValueLayout.JAVA_INT, 0));
      int write = above(arena, ends.getAtIndex(ValueLayout.JAVA_INT, 1));
      return new int[] {read, write};
    }

    /** The child's end of a redirect: -1 to inherit the JVM's stream, or the opened file. */
    int redirect(Arena arena, ProcessBuilder.Redirect redirect, boolean input) throws IOException {
      if (redirect.type() == ProcessBuilder.Redirect.Type.INHERIT) {
        return -1;
      }
      File file = redirect.file();
      int flags = Libc.O_CLOEXEC | (input ? 0
          : Libc.O_WRONLY | Libc.O_CREAT | (redirect.type() == ProcessBuilder.Redirect.Type.APPEND ? Libc.O_APPEND
              : Libc.O_TRUNC));
      MemorySegment state = Libc.callState(arena);
      int fd = Libc.open(state, cString(arena, file.getAbsolutePath()), flags, 0666);
      if (fd < 0) {
        throw new FileNotFoundException(file.getPath() + " (" + Libc.strerror(Libc.errno(state)) + ")");
      }
      return above(arena, fd);
    }

    /** Hands a JVM end over to a stream, which closes it from now on; -1 stays -1. */
    int own(int fd) {
      open.remove(Integer.valueOf(fd));
      return fd;
    }

    void closeChildEnds(Arena arena, int... fds) {
      for (int fd : fds) {
        if (fd >= 0 && open.remove(Integer.valueOf(fd))) {
          Libc.close(Libc.callState(arena), fd);
        }
      }
    }

    void closeAll() {
      try (Arena arena = Arena.ofConfined()) {
        for (int fd : open) {
          Libc.close(Libc.callState(arena), fd);
        }
      }
      open.clear();
    }

    /**
     * Moves a descriptor above 2: when the JVM runs with a standard stream closed, a new pipe can
     * get its number, and a dup2 onto itself would keep it closed on exec in the child.
     */
    private int above(Arena arena, int fd) throws IOException {
      if (fd > 2) {
        open.add(fd);
        return fd;
      }
      MemorySegment state = Libc.callState(arena);
      int moved = Libc.fcntl(state, fd, Libc.F_DUPFD_CLOEXEC, 3);
      int errno = Libc.errno(state);
      Libc.close(state, fd);
      if (moved < 0) {
        throw new IOException("fcntl: " + Libc.strerror(errno));
      }
      open.add(moved);
      return moved;
    }
  }
}
