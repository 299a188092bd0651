// many_children [N]: forks N (default 200) children as fast as possible, each exiting
// at once with i % 7, then reaps them all. Exit 0 when every status was right.
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 200;
  pid_t* pids = calloc((size_t)n, sizeof *pids);
  for (int i = 0; i < n; ++i) {
    pid_t pid = fork();
    if (pid < 0) return 1;
    if (pid == 0) _exit(i % 7);
    pids[i] = pid;
  }
  int bad = 0;
  for (int i = 0; i < n; ++i) {
    int status = 0;
    if (waitpid(pids[i], &status, 0) != pids[i] || !WIFEXITED(status) ||
        WEXITSTATUS(status) != i % 7)
      ++bad;
  }
  free(pids);
  return bad ? 2 : 0;
}
