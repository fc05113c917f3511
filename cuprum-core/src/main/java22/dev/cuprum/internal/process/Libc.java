package dev.cuprum.internal.process;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * The C library functions of the native launcher, bound through the Foreign Function and Memory
 * API. Constants are those of Linux on x86-64 and AArch64, the only platforms the launcher runs
 * on. Functions that report failure through {@code errno} take a call-state segment first, from
 * which {@link #errno} reads it.
 */
final class Libc {

  static final int EINTR = 4;
  static final int EAGAIN = 11;
  static final int ESRCH = 3;

  static final int O_WRONLY = 1;
  static final int O_CREAT = 0100;
  static final int O_TRUNC = 01000;
  static final int O_APPEND = 02000;
  static final int O_NONBLOCK = 04000;
  static final int O_CLOEXEC = 02000000;
  static final int F_SETFL = 4;
  static final int F_DUPFD_CLOEXEC = 1030;

  static final int POSIX_SPAWN_SETSIGDEF = 0x04;
  static final int POSIX_SPAWN_SETSIGMASK = 0x08;

  static final int SIGTERM = 15;
  static final int SIGKILL = 9;

  static final int P_PID = 1;
  static final int WEXITED = 4;
  static final int WNOHANG = 1;
  static final int CLD_EXITED = 1;

  static final int EPOLLIN = 0x1;
  static final int EPOLLOUT = 0x4;
  static final int EPOLLONESHOT = 1 << 30;
  static final int EPOLL_CTL_ADD = 1;
  static final int EPOLL_CTL_DEL = 2;
  static final int EPOLL_CTL_MOD = 3;

  /** Generous sizes of glibc's opaque types: each is initialised by its own function. */
  static final long FILE_ACTIONS_SIZE = 256;
  static final long SPAWN_ATTR_SIZE = 512;
  static final long SIGSET_SIZE = 128;
  static final long SIGINFO_SIZE = 128;
  static final long SIGINFO_CODE_OFFSET = 8;
  static final long SIGINFO_PID_OFFSET = 16;
  static final long SIGINFO_STATUS_OFFSET = 24;

  /** {@code struct epoll_event} is packed on x86-64 and naturally aligned elsewhere. */
  static final long EPOLL_EVENT_SIZE;
  static final long EPOLL_EVENT_DATA_OFFSET;

  private static final long SYS_PIDFD_SEND_SIGNAL = 424;
  private static final long SYS_PIDFD_OPEN = 434;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup LIBC = LINKER.defaultLookup();
  private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");
  /** Reads and writes never block (the descriptors are non-blocking), so they may use the Java heap directly. */
  private static final Linker.Option HEAP_ACCESS = Linker.Option.critical(true);

  private static final MethodHandle POSIX_SPAWNP = function("posix_spawnp",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
  private static final MethodHandle FILE_ACTIONS_INIT = function("posix_spawn_file_actions_init",
      FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle FILE_ACTIONS_DESTROY = function("posix_spawn_file_actions_destroy",
      FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle FILE_ACTIONS_DUP2 = function("posix_spawn_file_actions_adddup2",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
  private static final MethodHandle FILE_ACTIONS_CHDIR = function("posix_spawn_file_actions_addchdir_np",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
  private static final MethodHandle FILE_ACTIONS_CLOSEFROM = function("posix_spawn_file_actions_addclosefrom_np",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle ATTR_INIT = function("posix_spawnattr_init",
      FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle ATTR_DESTROY = function("posix_spawnattr_destroy",
      FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle ATTR_SETFLAGS = function("posix_spawnattr_setflags",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT));
  private static final MethodHandle ATTR_SETSIGMASK = function("posix_spawnattr_setsigmask",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
  private static final MethodHandle ATTR_SETSIGDEFAULT = function("posix_spawnattr_setsigdefault",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
  private static final MethodHandle SIGEMPTYSET = function("sigemptyset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle SIGFILLSET = function("sigfillset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle STRERROR = function("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

  private static final MethodHandle PIPE2 = function("pipe2",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPTION);
  private static final MethodHandle OPEN = function("open",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), ERRNO_OPTION, Linker.Option.firstVariadicArg(2));
  private static final MethodHandle FCNTL = function("fcntl",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), ERRNO_OPTION, Linker.Option.firstVariadicArg(2));
  private static final MethodHandle CLOSE = function("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO_OPTION);
  private static final MethodHandle READ = function("read",
      FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), ERRNO_OPTION, HEAP_ACCESS);
  private static final MethodHandle WRITE = function("write",
      FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), ERRNO_OPTION, HEAP_ACCESS);
  private static final MethodHandle SYSCALL4 = function("syscall",
      FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
      ERRNO_OPTION, Linker.Option.firstVariadicArg(1));
  private static final MethodHandle WAITID = function("waitid",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), ERRNO_OPTION);
  private static final MethodHandle EPOLL_CREATE1 = function("epoll_create1",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO_OPTION);
  private static final MethodHandle EPOLL_CTL = function("epoll_ctl",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), ERRNO_OPTION);
  private static final MethodHandle EPOLL_WAIT = function("epoll_wait",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), ERRNO_OPTION);

  static {
    boolean packed = "amd64".equals(System.getProperty("os.arch"));
    EPOLL_EVENT_SIZE = packed ? 12 : 16;
    EPOLL_EVENT_DATA_OFFSET = packed ? 4 : 8;
  }

  private Libc() {}

  /** A segment to capture {@code errno} in, for the functions that set it. */
  static MemorySegment callState(Arena arena) {
    return arena.allocate(CALL_STATE);
  }

  static int errno(MemorySegment callState) {
    return (int) ERRNO.get(callState, 0L);
  }

  static String strerror(int errno) {
    try {
      return ((MemorySegment) STRERROR.invokeExact(errno)).reinterpret(256).getString(0);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  /** {@code posix_spawnp(3)}: a name without a slash is looked up in the JVM's {@code PATH}, as the JDK does. */
  static int posixSpawnp(MemorySegment pid, MemorySegment file, MemorySegment fileActions, MemorySegment attr,
      MemorySegment argv, MemorySegment envp) {
    try {
      return (int) POSIX_SPAWNP.invokeExact(pid, file, fileActions, attr, argv, envp);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static int fileActionsInit(MemorySegment actions) {
    return callInt(FILE_ACTIONS_INIT, actions);
  }

  static int fileActionsDestroy(MemorySegment actions) {
    return callInt(FILE_ACTIONS_DESTROY, actions);
  }

  static int fileActionsDup2(MemorySegment actions, int fd, int target) {
    try {
      return (int) FILE_ACTIONS_DUP2.invokeExact(actions, fd, target);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static int fileActionsChdir(MemorySegment actions, MemorySegment path) {
    try {
      return (int) FILE_ACTIONS_CHDIR.invokeExact(actions, path);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static int fileActionsCloseFrom(MemorySegment actions, int lowest) {
    try {
      return (int) FILE_ACTIONS_CLOSEFROM.invokeExact(actions, lowest);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static int attrInit(MemorySegment attr) {
    return callInt(ATTR_INIT, attr);
  }

  static int attrDestroy(MemorySegment attr) {
    return callInt(ATTR_DESTROY, attr);
  }

  static int attrSetFlags(MemorySegment attr, short flags) {
    try {
      return (int) ATTR_SETFLAGS.invokeExact(attr, flags);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static int attrSetSigmask(MemorySegment attr, MemorySegment set) {
    return callInt(ATTR_SETSIGMASK, attr, set);
  }

  static int attrSetSigdefault(MemorySegment attr, MemorySegment set) {
    return callInt(ATTR_SETSIGDEFAULT, attr, set);
  }

  static int sigemptyset(MemorySegment set) {
    return callInt(SIGEMPTYSET, set);
  }

  static int sigfillset(MemorySegment set) {
    return callInt(SIGFILLSET, set);
  }

  static int pipe2(MemorySegment callState, MemorySegment fds, int flags) {
    try {
      return (int) PIPE2.invokeExact(callState, fds, flags);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static int open(MemorySegment callState, MemorySegment path, int flags, int mode) {
    try {
      return (int) OPEN.invokeExact(callState, path, flags, mode);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static int fcntl(MemorySegment callState, int fd, int command, int argument) {
    try {
      return (int) FCNTL.invokeExact(callState, fd, command, argument);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static int close(MemorySegment callState, int fd) {
    try {
      return (int) CLOSE.invokeExact(callState, fd);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static long read(MemorySegment callState, int fd, MemorySegment buffer, long count) {
    try {
      return (long) READ.invokeExact(callState, fd, buffer, count);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static long write(MemorySegment callState, int fd, MemorySegment buffer, long count) {
    try {
      return (long) WRITE.invokeExact(callState, fd, buffer, count);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  /** {@code pidfd_open(2)}: a descriptor that refers to the process itself, never to a later one with its pid. */
  static int pidfdOpen(MemorySegment callState, long pid) {
    return (int) syscall(callState, SYS_PIDFD_OPEN, pid, 0, 0, 0);
  }

  static int pidfdSendSignal(MemorySegment callState, int pidfd, int signal) {
    return (int) syscall(callState, SYS_PIDFD_SEND_SIGNAL, pidfd, signal, 0, 0);
  }

  static int waitid(MemorySegment callState, int idType, int id, MemorySegment info, int options) {
    try {
      return (int) WAITID.invokeExact(callState, idType, id, info, options);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static int epollCreate(MemorySegment callState) {
    try {
      return (int) EPOLL_CREATE1.invokeExact(callState, O_CLOEXEC);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static int epollCtl(MemorySegment callState, int epfd, int op, int fd, MemorySegment event) {
    try {
      return (int) EPOLL_CTL.invokeExact(callState, epfd, op, fd, event);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  static int epollWait(MemorySegment callState, int epfd, MemorySegment events, int max, int timeoutMillis) {
    try {
      return (int) EPOLL_WAIT.invokeExact(callState, epfd, events, max, timeoutMillis);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  /** Whether every function is present: glibc 2.34 or later. */
  static boolean complete() {
    return LIBC.find("posix_spawn_file_actions_addclosefrom_np").isPresent()
        && LIBC.find("posix_spawn_file_actions_addchdir_np").isPresent();
  }

  private static long syscall(MemorySegment callState, long number, long a, long b, long c, long d) {
    try {
      return (long) SYSCALL4.invokeExact(callState, number, a, b, c, d);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  private static int callInt(MethodHandle handle, MemorySegment argument) {
    try {
      return (int) handle.invokeExact(argument);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  private static int callInt(MethodHandle handle, MemorySegment first, MemorySegment second) {
    try {
      return (int) handle.invokeExact(first, second);
    } catch (Throwable e) {
      throw rethrow(e);
    }
  }

  private static MethodHandle function(String name, FunctionDescriptor descriptor, Linker.Option... options) {
    Optional<MemorySegment> symbol = LIBC.find(name);
    if (symbol.isEmpty()) {
      throw new UnsatisfiedLinkError("the C library has no " + name);
    }
    return LINKER.downcallHandle(symbol.get(), descriptor, options);
  }

  private static RuntimeException rethrow(Throwable e) {
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (e instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(e);
  }
}
