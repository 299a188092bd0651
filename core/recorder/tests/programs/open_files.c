// open_files: opens files (parent and a forked child), with getppid() calls around that
// a "trace=openat" filter must not record.
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  for (int i = 0; i < 100; ++i) syscall(SYS_getppid);
  int fd = openat(AT_FDCWD, "/dev/null", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 1;
  close(fd);
  pid_t pid = fork();
  if (pid == 0) {
    for (int i = 0; i < 100; ++i) syscall(SYS_getppid);
    int cfd = openat(AT_FDCWD, "/dev/zero", O_RDONLY);
    _exit(cfd >= 0 ? 0 : 1);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}
