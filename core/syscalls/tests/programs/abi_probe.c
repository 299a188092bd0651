/* For abi_names_test, run under strace: "errno" makes one getppid (strace injects the
 * error to name), "signal N" one kill of a pid that cannot exist with signal N. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc == 2 && strcmp(argv[1], "errno") == 0) {
    syscall(SYS_getppid);
    return 0;
  }
  if (argc == 3 && strcmp(argv[1], "signal") == 0) {
    syscall(SYS_kill, INT_MAX, atoi(argv[2]));
    return 0;
  }
  return 2;
}
