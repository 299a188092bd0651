/* fork + exec: the parent opens a file in parent_work(); the child execs another
   program (argv[1], given "/golden-src-child" as its argument), whose calls are resolved
   with that program's own image. */
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

__attribute__((noinline)) int parent_work(void) {
  int fd = open("/golden-src-parent", O_RDONLY); /* LINE:parent-open */
  if (fd >= 0) close(fd);
  return fd;
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  pid_t child = fork();
  if (child == 0) {
    char* args[] = {argv[1], "/golden-src-child", 0};
    execv(argv[1], args); /* LINE:child-exec */
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return parent_work() >= 0 ? 1 : 0;
}
