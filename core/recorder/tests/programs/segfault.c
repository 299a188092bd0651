// segfault: dies of SIGSEGV (capture() must return 139).
#include <signal.h>
#include <sys/resource.h>
int main(void) {
  struct rlimit no_core = {0, 0};
  setrlimit(RLIMIT_CORE, &no_core);  // no core file in the test directory
  volatile int* p = (volatile int*)0;
  *p = 1;
  return 0;
}
