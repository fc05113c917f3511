package dev.cuprum.sample.web;

import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says what is wrong with a request body that could not be read, in the API's own terms: which
 * field has which wrong type. Jackson's messages are not passed on, since they name Java
 * classes and echo parts of the input.
 */
final class JsonProblems {

  private JsonProblems() {}

  static String reason(HttpMessageNotReadableException e) {
    JacksonException jackson = jacksonCause(e);
    if (jackson == null) {
      return "the request body must be a JSON object";
    }
    if (jackson instanceof MismatchedInputException mismatch) {
      String field = field(mismatch);
      if (field.isEmpty()) {
        return "the request body must be a JSON object";
      }
      return field + " must be " + expected(mismatch.getTargetType());
    }
    if (jackson instanceof StreamConstraintsException) {
      return "the request body exceeds the size or nesting the API accepts";
    }
    if (jackson instanceof StreamReadException) {
      return "the request body is not well-formed JSON";
    }
    return "the request body must be a JSON object";
  }

  private static @Nullable JacksonException jacksonCause(Throwable e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JacksonException jackson) {
        return jackson;
      }
    }
    return null;
  }

  /** The path of the offending value as a client would write it: {@code texts[2]}. */
  private static String field(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String expected(@Nullable Class<?> type) {
    if (type == null) {
      return "of the documented type";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "a JSON object";
  }
}
