/* A balanced parallel run: 4 children compute 150 ms each at the same time while the
 * parent waits for them. */
#include <sys/wait.h>

#include "programs.h"

int main(void) {
  for (int i = 0; i < 4; ++i) {
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
      spin_ms(150);
      _exit(0);
    }
  }
  for (int i = 0; i < 4; ++i) CHECK(wait(NULL) > 0);
  return 0;
}
