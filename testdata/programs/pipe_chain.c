/* pipe_chain: bytes travel parent -> child -> grandchild through two pipes.
 * The parent writes "hello through pipes\n" into pipe 1 in one write and closes it;
 * the child reads it (one read, then EOF), upper-cases it and writes it into pipe 2;
 * the grandchild reads it and prints it. Each process waits for its child.
 *
 * Exercises: data edges write -> read across processes (Lamport order), pipe fds named
 * pipe:[inode], EOF reads, nested fork/wait.
 * stdout (deterministic):
 *   grandchild: got HELLO THROUGH PIPES
 *   child: grandchild exited with 0
 *   parent: child exited with 0
 * Exit status 0. */
#include <ctype.h>
#include <sys/wait.h>

#include "tracee.h"

static const char kMessage[] = "hello through pipes\n";

/* Reads until EOF; returns the byte count. */
static size_t read_all(int fd, char* buf, size_t size) {
  size_t got = 0;
  for (;;) {
    ssize_t n = read(fd, buf + got, size - got);
    CHECK(n >= 0);
    if (n == 0) return got;
    got += (size_t)n;
  }
}

static int wait_child(pid_t pid) {
  int status = 0;
  CHECK(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(void) {
  int p1[2];
  CHECK(pipe(p1) == 0);
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    close(p1[1]);
    char buf[128];
    size_t n = read_all(p1[0], buf, sizeof buf);
    close(p1[0]);
    for (size_t i = 0; i < n; i++) buf[i] = (char)toupper((unsigned char)buf[i]);
    int p2[2];
    CHECK(pipe(p2) == 0);
    pid_t grandchild = fork();
    CHECK(grandchild >= 0);
    if (grandchild == 0) {
      close(p2[1]);
      char in[128];
      size_t m = read_all(p2[0], in, sizeof in - 1);
      in[m] = 0;
      say("grandchild: got %s", in);
      _exit(0);
    }
    close(p2[0]);
    CHECK(write(p2[1], buf, n) == (ssize_t)n);
    close(p2[1]);
    say("child: grandchild exited with %d\n", wait_child(grandchild));
    _exit(0);
  }
  close(p1[0]);
  CHECK(write(p1[1], kMessage, sizeof kMessage - 1) == (ssize_t)(sizeof kMessage - 1));
  close(p1[1]);
  say("parent: child exited with %d\n", wait_child(child));
  return 0;
}
