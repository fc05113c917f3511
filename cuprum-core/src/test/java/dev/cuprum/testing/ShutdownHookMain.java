package dev.cuprum.testing;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.RunOptions;
import java.util.concurrent.CompletableFuture;

/**
 * A JVM whose executor, built with a shutdown hook, runs a long command carrying the marker given
 * as its argument, says {@code running}, and waits until the JVM is stopped.
 */
public final class ShutdownHookMain {

  private ShutdownHookMain() {}

  public static void main(String[] args) throws InterruptedException {
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).shutdownHook(true).build();
    CompletableFuture<CommandResult> running =
        executor.runAsync(TestPrograms.sh("sleep 60; : " + args[0]), RunOptions.defaults());
    while (executor.runningCommands().isEmpty()) {
      Thread.sleep(10);
    }
    System.out.println("running");
    System.out.flush();
    running.join();
  }
}
