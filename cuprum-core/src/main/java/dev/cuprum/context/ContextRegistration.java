package dev.cuprum.context;

/** Installs a context on the creating thread and restores the previous one on detach. */
final class ContextRegistration implements Registration {

  private final CuprumContext installed;
  private final CuprumContext previous;
  private final Thread owner;
  private volatile boolean detached;

  ContextRegistration(CuprumContext installed) {
    this.installed = installed;
    this.previous = installed.install();
    this.owner = Thread.currentThread();
  }

  @Override
  public void detach() {
    if (detached) {
      return;
    }
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("A registration can only be detached on the thread that made it ("
          + owner.getName() + "), not on " + Thread.currentThread().getName());
    }
    CuprumContext.restore(previous);
    detached = true;
  }

  @Override
  public void close() {
    detach();
  }

  @Override
  public CuprumContext context() {
    return installed;
  }
}
