/*
 * The floor of scenario 1 (spawn + wait + capture of true) on this machine: posix_spawn of
 * /bin/true with its stdout on a pipe, the pipe read to its end, waitpid. No JVM, no helper
 * process. Prints one line per round: the round's microseconds per command.
 *
 *   spawn-true ROUNDS COMMANDS_PER_ROUND [WARMUP_COMMANDS]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static void run_true(void) {
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) {
    perror("pipe2");
    exit(1);
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  char *argv[] = {"true", NULL};
  pid_t pid;
  int error = posix_spawn(&pid, "/bin/true", &actions, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    errno = error;
    perror("posix_spawn");
    exit(1);
  }
  close(out[1]);
  char buffer[4096];
  while (read(out[0], buffer, sizeof buffer) > 0) {
  }
  close(out[0]);
  int status;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fprintf(stderr, "true did not exit 0\n");
    exit(1);
  }
}

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s ROUNDS COMMANDS_PER_ROUND [WARMUP_COMMANDS]\n", argv[0]);
    return 2;
  }
  int rounds = atoi(argv[1]);
  int commands = atoi(argv[2]);
  int warmup = argc > 3 ? atoi(argv[3]) : commands;
  for (int i = 0; i < warmup; i++) {
    run_true();
  }
  for (int r = 0; r < rounds; r++) {
    double start = now_us();
    for (int i = 0; i < commands; i++) {
      run_true();
    }
    printf("%.1f\n", (now_us() - start) / commands);
  }
  return 0;
}
