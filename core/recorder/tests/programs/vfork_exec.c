// vfork_exec PROGRAM [ARGS...]: vfork, the child execs PROGRAM, the parent waits and
// exits with its status.
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char** argv) {
  if (argc < 2) return 2;
  pid_t pid = vfork();
  if (pid < 0) return 3;
  if (pid == 0) {
    execv(argv[1], argv + 1);
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return 4;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
