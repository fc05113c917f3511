package dev.cuprum.sample.web;

import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.concurrent.ConcurrentExecutionException;
import dev.cuprum.sample.hooks.CommandRefusedException;
import dev.cuprum.sample.web.ApiMessages.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every failed request with a JSON {@code {"error": "..."}} body: 400 for input the API
 * refuses (never a 500, never a stack trace), 504 when a command outlives its timeout, Spring's
 * own status for requests it cannot route (404, 405...), and 500 with a fixed message for
 * anything unexpected, whose details go to the log only.
 */
@RestControllerAdvice
final class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler({ BadRequestException.class, CommandRefusedException.class })
  ResponseEntity<ApiError> refused(RuntimeException e) {
    return error(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return error(HttpStatus.BAD_REQUEST, JsonProblems.reason(e));
  }

  /** The API reads JSON only; a wrong content type is a bad request like any other bad input. */
  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> unsupportedType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.BAD_REQUEST, "Content-Type must be application/json, got "
        + (e.getContentType() == null ? "none" : e.getContentType().toString()));
  }

  @ExceptionHandler(TimeoutExpiredException.class)
  ResponseEntity<ApiError> timedOut(TimeoutExpiredException e) {
    return error(HttpStatus.GATEWAY_TIMEOUT, String.valueOf(e.getMessage()));
  }

  /** A batch in which a command ended with an exception: a timeout, or a failure to start. */
  @ExceptionHandler(ConcurrentExecutionException.class)
  ResponseEntity<ApiError> batchFailed(ConcurrentExecutionException e) {
    if (e.errors().values().stream().anyMatch(TimeoutExpiredException.class::isInstance)) {
      return error(HttpStatus.GATEWAY_TIMEOUT, String.valueOf(e.getMessage()));
    }
    return unexpected(e);
  }

  /** Spring's own request errors keep their status; anything else is a 500 whose details are logged only. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    if (e instanceof ErrorResponse response && !response.getStatusCode().is5xxServerError()) {
      String detail = response.getBody().getDetail();
      return error(response.getStatusCode(), detail != null ? detail : "the request cannot be served");
    }
    LOG.error("Request failed", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
  }

  /**
   * Always JSON, whatever the request's {@code Accept} header says: negotiating the error's type
   * would turn a 400 into a 500 for a client that asked for text.
   */
  private static ResponseEntity<ApiError> error(HttpStatusCode status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(message));
  }
}
