// fd_identity: the fd situations whose open file description the recorder names
// (Arg::ofd, Event::ret_ofds). argv[1]: the directory to make files in. Re-executed
// with argv[2] = "child" as the child that writes to the stdout it inherited.
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static const char* dir;
static int thread_fd = -1;

static int open_in(const char* name, int flags) {
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return open(path, flags, 0644);
}

// A thread shares the fd table (CLONE_FILES): the fd it opens is the process's.
static void* opener(void* arg) {
  thread_fd = open_in("thread.txt", O_WRONLY | O_CREAT | O_TRUNC);
  return arg;
}

int main(int argc, char** argv) {
  if (argc > 2 && strcmp(argv[2], "child") == 0) return write(1, "from child\n", 11) == 11 ? 0 : 1;
  if (argc < 2) return 64;
  dir = argv[1];
  char ch = 0;
  if (write(1, "out\n", 4) != 4 || write(2, "err\n", 4) != 4) return 1;
  // The same number for another file after a close.
  int a = open_in("first.txt", O_WRONLY | O_CREAT | O_TRUNC);
  if (a < 0 || write(a, "A", 1) != 1 || close(a) != 0) return 2;
  int b = open_in("second.txt", O_WRONLY | O_CREAT | O_TRUNC);
  if (b != a || write(b, "B", 1) != 1) return 3;
  // One file opened twice: two descriptions.
  int r1 = open_in("second.txt", O_RDONLY);
  int r2 = open_in("second.txt", O_RDONLY);
  if (r1 < 0 || r2 < 0 || read(r1, &ch, 1) != 1 || read(r2, &ch, 1) != 1) return 4;
  // fork without exec: the child writes through its parent's description.
  pid_t p = fork();
  if (p == 0) _exit(write(b, "C", 1) == 1 ? 0 : 1);
  if (p < 0 || waitpid(p, NULL, 0) != p || write(b, "D", 1) != 1) return 5;
  // close_range frees both read fds; the next open takes r1's number.
  if (syscall(SYS_close_range, (unsigned)r1, ~0U, 0) != 0) return 6;
  int c = open_in("third.txt", O_WRONLY | O_CREAT | O_TRUNC);
  if (c != r1 || write(c, "E", 1) != 1) return 7;
  pthread_t t;
  if (pthread_create(&t, NULL, opener, NULL) != 0 || pthread_join(t, NULL) != 0) return 8;
  if (thread_fd < 0 || write(thread_fd, "F", 1) != 1) return 9;
  // A pipe's write end dup2'd onto stdout, then fork+exec of a child writing to it.
  int pfd[2];
  if (pipe(pfd) != 0) return 10;
  int saved = dup(1);
  if (saved < 0 || dup2(pfd[1], 1) != 1 || close(pfd[1]) != 0) return 11;
  pid_t q = fork();
  if (q == 0) {
    execl("/proc/self/exe", argv[0], dir, "child", (char*)NULL);
    _exit(127);
  }
  if (q < 0 || dup2(saved, 1) != 1 || close(saved) != 0) return 12;
  char buf[64];
  ssize_t n = read(pfd[0], buf, sizeof buf);
  int status = 0;
  if (n <= 0 || waitpid(q, &status, 0) != q || write(1, buf, (size_t)n) != n) return 13;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 14;
}
