package dev.cuprum.sample.web;

/** Input the API refuses; answered with 400 and the message as the reason. */
final class BadRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadRequestException(String message) {
    super(message);
  }
}
