package dev.cuprum.internal.util;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The event tag keys that Cuprum sets itself; callers' tags may not use them. */
public final class ReservedTags {

  public static final String PROJECT = "project";
  public static final String CAPTURE = "capture";
  public static final String ECHO = "echo";
  public static final String TERMINATION = "termination";
  public static final String PIPELINE_STAGE_INDEX = "pipeline_stage_index";
  public static final String PIPELINE_STAGES = "pipeline_stages";

  /** Every reserved key, in a fixed order. */
  public static final Set<String> KEYS = Collections.unmodifiableSet(
      new LinkedHashSet<>(List.of(PROJECT, CAPTURE, ECHO, TERMINATION, PIPELINE_STAGE_INDEX, PIPELINE_STAGES)));

  private ReservedTags() {}

  /** The first of the keys that is reserved, or null. */
  public static @Nullable String firstReserved(Collection<String> keys) {
    for (String key : keys) {
      if (KEYS.contains(key)) {
        return key;
      }
    }
    return null;
  }
}
