/**
 * The sample's HTTP API. Input reaches programs only as argv elements, never through a shell;
 * every bad request gets a 400 with a JSON {@code {"error": "..."}} body.
 */
@NullMarked
package dev.cuprum.sample.web;

import org.jspecify.annotations.NullMarked;
