package dev.cuprum.context;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Lets the context-propagation library (and with it Spring's {@code ContextPropagatingTaskDecorator},
 * Reactor and Micrometer) carry the {@link CuprumContext} across threads. Registered through
 * {@code META-INF/services}; only loaded when {@code io.micrometer:context-propagation} is present.
 */
public final class CuprumContextAccessor implements ThreadLocalAccessor<CuprumContext> {

  /** The key under which the context travels in a context snapshot. */
  public static final String KEY = "dev.cuprum.context";

  /** For the service loader, which creates the accessor. */
  public CuprumContextAccessor() {}

  @Override
  public Object key() {
    return KEY;
  }

  /** The current context, or null for the root context (nothing to carry). */
  @Override
  public @Nullable CuprumContext getValue() {
    CuprumContext current = CuprumContext.current();
    return current == CuprumContext.root() ? null : current;
  }

  @Override
  public void setValue(CuprumContext value) {
    value.install();
  }

  @Override
  public void setValue() {
    CuprumContext.restore(CuprumContext.root());
  }

  @Override
  public void restore(CuprumContext previousValue) {
    CuprumContext.restore(previousValue);
  }

  @Override
  public void restore() {
    setValue();
  }
}
