package dev.cuprum;

/** The programs of the default catalogue ({@link ProgramCatalogue#defaults()}). */
public final class Programs {

  public static final Program ECHO = Program.of("echo");
  public static final Program GIT = Program.of("git");
  public static final Program LS = Program.of("ls");
  public static final Program RSYNC = Program.of("rsync");
  public static final Program TAR = Program.of("tar");
  /** The documentation tool of the {@code docs} project. */
  public static final Program MDBOOK = Program.of("mdbook");

  private Programs() {}
}
