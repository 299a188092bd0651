// core_dump DIR: dies of SIGABRT with a core dump written into DIR (core_pattern
// "core"-style; the test checks an untraced run first, since where cores go is the
// machine's setting).
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2 || chdir(argv[1]) != 0) return 2;
  struct rlimit unlimited = {RLIM_INFINITY, RLIM_INFINITY};
  if (setrlimit(RLIMIT_CORE, &unlimited) != 0) return 3;
  signal(SIGABRT, SIG_DFL);
  abort();
}
