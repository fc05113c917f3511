package dev.cuprum;

import java.util.Locale;

/** Why a program was not allowed to run. */
public enum RefusalReason {

  /** The executor enforces its catalogue's allowlist, and the catalogue does not list the program. */
  CATALOGUE("the executor enforces its catalogue's allowlist, which does not list it"),
  /** The allowlist of the calling thread's scope does not list the program. */
  SCOPE("the allowlist of the current scope does not list it");

  private final String explanation;

  RefusalReason(String explanation) {
    this.explanation = explanation;
  }

  /** Why, in words, as the exception message gives it. */
  public String explanation() {
    return explanation;
  }

  /** The value of the {@code reason} label of the refusal counter: {@code catalogue} or {@code scope}. */
  public String tagValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
