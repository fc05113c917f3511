/**
 * Test support: {@link dev.cuprum.test.FakeCommandExecutor}, an executor that starts no process
 * and answers each command with the reply a test registered for it, while keeping the real
 * executor's contract (allowlist, hooks, events, observations, timeouts, cancellation, pipelines
 * and batches all run through Cuprum's own code).
 */
@NullMarked
package dev.cuprum.test;

import org.jspecify.annotations.NullMarked;
