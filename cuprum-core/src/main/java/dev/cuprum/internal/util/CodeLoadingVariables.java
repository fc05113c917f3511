package dev.cuprum.internal.util;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Environment variables that make a program load or run code other than its own: a library to
 * preload, a search path for libraries, modules or helper programs, a command line to run, or
 * options and configuration that name one. An overlay that sets one can turn any allowlisted
 * program into a way to run something the catalogue does not list, so overlays may only set them
 * when the caller allows them by name.
 *
 * <p>Names are compared in upper case, so {@code ld_preload} counts as {@code LD_PRELOAD}.
 * {@code PATH} is not here: it decides what a program's own children find by name, and Cuprum
 * never looks up the program it starts in an overlay's {@code PATH}. Variables that only choose
 * where per-user configuration lives ({@code HOME}, {@code XDG_CONFIG_HOME}) are not here either:
 * like the working directory, they are the caller's to choose from trusted values.
 */
public final class CodeLoadingVariables {

  /** Families the programs read by prefix. */
  public static final List<String> PREFIXES = List.of(
      // The dynamic loaders: glibc and musl (LD_PRELOAD, LD_LIBRARY_PATH, LD_AUDIT, ...), macOS dyld.
      "LD_", "DYLD_",
      // git's configuration given in the environment: GIT_CONFIG_KEY_0 = core.fsmonitor, ...
      "GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_",
      // Functions bash imports from the environment; one named like a command replaces it.
      "BASH_FUNC_",
      // Lua's startup code and module paths, also in their versioned forms (LUA_INIT_5_4, ...).
      "LUA_INIT", "LUA_PATH", "LUA_CPATH");

  /** Single names, grouped by the program that reads them. */
  public static final Set<String> NAMES = Set.of(
      // glibc: tunables of the loader itself, iconv modules loaded as shared objects.
      "GLIBC_TUNABLES", "GCONV_PATH",
      // Shells: startup files, options and traces that run code, the shell other programs start.
      "BASH_ENV", "ENV", "SHELLOPTS", "BASHOPTS", "PS4", "PROMPT_COMMAND", "ZDOTDIR", "FPATH",
      "BASH_LOADABLES_PATH", "SHELL",
      // git: its configuration, which names programs (core.fsmonitor, filters, core.sshCommand, ...),
      // and the programs it runs.
      "GIT_CONFIG", "GIT_CONFIG_COUNT", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM",
      "GIT_EXEC_PATH", "GIT_TEMPLATE_DIR", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_PROXY_COMMAND", "GIT_ASKPASS",
      "GIT_EDITOR", "GIT_SEQUENCE_EDITOR", "GIT_PAGER", "GIT_EXTERNAL_DIFF", "GIT_ALLOW_PROTOCOL",
      // ssh and other programs that run a helper command.
      "SSH_ASKPASS", "SSH_ASKPASS_REQUIRE", "SUDO_ASKPASS", "EDITOR", "VISUAL", "PAGER", "MANPAGER",
      "LESSOPEN", "LESSCLOSE",
      // rsync: the remote shell and the command that connects to a daemon.
      "RSYNC_RSH", "RSYNC_CONNECT_PROG", "RSYNC_SHELL",
      // GNU tar: default options (--to-command, --use-compress-program, --rsh-command, ...) and
      // the default archive, which may be remote.
      "TAR_OPTIONS", "TAPE",
      // make: makefiles read before any other.
      "MAKEFILES",
      // OpenSSL, loaded by git and curl: a configuration that loads engines and providers.
      "OPENSSL_CONF", "OPENSSL_ENGINES", "OPENSSL_MODULES",
      // Interpreters: options, startup code and module search paths.
      "PERL5OPT", "PERL5LIB", "PERLLIB", "PERL5DB",
      "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE", "PYTHONBREAKPOINT", "PYTHONWARNINGS",
      "RUBYOPT", "RUBYLIB",
      "NODE_OPTIONS", "NODE_PATH",
      "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "CLASSPATH",
      "PHPRC", "PHP_INI_SCAN_DIR");

  private CodeLoadingVariables() {}

  /** Whether setting the variable can make a program load or run other code. */
  public static boolean loadsCode(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (NAMES.contains(upper)) {
      return true;
    }
    for (String prefix : PREFIXES) {
      if (upper.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The first name that {@link #loadsCode(String) loads code} and is not allowed, or null. */
  public static @Nullable String firstRefused(Collection<String> names, Set<String> allowed) {
    for (String name : names) {
      if (loadsCode(name) && !allowed.contains(name)) {
        return name;
      }
    }
    return null;
  }
}
