/* One process does everything: it starts 3 helpers that exit at once, computes for
 * 300 ms itself, then reaps them. */
#include <sys/wait.h>

#include "programs.h"

int main(void) {
  for (int i = 0; i < 3; ++i) {
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) _exit(0);
  }
  spin_ms(300);
  for (int i = 0; i < 3; ++i) CHECK(wait(NULL) > 0);
  return 0;
}
