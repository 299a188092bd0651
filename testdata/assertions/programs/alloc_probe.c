/* Tests libgolden_alloc.so without a tracer: a seccomp filter traps golden's marker
 * syscall into a SIGSYS handler that prints each annotation on stderr as
 *   MARKER <pid> <message>
 * then the program makes a known set of allocations, a span, a fork and an exec of
 * itself ("probe exec" mode), so the test can check every report the library sends. */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <malloc.h>
#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <ucontext.h>

#include "programs.h"

static void on_sigsys(int sig, siginfo_t* info, void* context) {
  (void)sig;
  (void)info;
  greg_t* r = ((ucontext_t*)context)->uc_mcontext.gregs;
  const long op = r[REG_RDI];
  const char* message = (const char*)r[REG_RSI];
  size_t length = (size_t)r[REG_RDX];
  if (op == 3 && length < 4096) {
    /* Async-signal-safe formatting: no stdio in a handler. */
    char line[4200];
    size_t n = 0;
    const char* prefix = "MARKER ";
    while (*prefix) line[n++] = *prefix++;
    char digits[16];
    int d = 0;
    for (long pid = (long)syscall(SYS_getpid); pid > 0; pid /= 10) digits[d++] = (char)('0' + pid % 10);
    while (d > 0) line[n++] = digits[--d];
    line[n++] = ' ';
    for (size_t i = 0; i < length; ++i) line[n++] = message[i];
    line[n++] = '\n';
    (void)!write(2, line, n);
  }
  r[REG_RAX] = -ENOSYS;
}

static void trap_markers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_sigsys;
  sa.sa_flags = SA_SIGINFO;
  CHECK(sigaction(SIGSYS, &sa, NULL) == 0);
  struct sock_filter code[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, kMarker, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = {.len = sizeof code / sizeof code[0], .filter = code};
  CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
  /* Installed once per process: the filter survives exec, the handler does not. */
  if (prctl(PR_GET_SECCOMP, 0, 0, 0, 0) == 0) CHECK(prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == 0);
}

int main(int argc, char** argv) {
  trap_markers();
  if (argc > 1 && strcmp(argv[1], "exec") == 0) {
    char* p = malloc(2u << 20); /* the new image's own peak */
    CHECK(p != NULL);
    memset(p, 1, 2u << 20);
    free(p);
    return 0;
  }
  /* One of each entry point, and a 4 MiB block that sets the peak. */
  void* a = malloc(4u << 20);
  void* b = calloc(16, 64);
  void* c = realloc(NULL, 100);
  c = realloc(c, 200);
  void* d = reallocarray(NULL, 10, 10);
  void* e = NULL;
  CHECK(posix_memalign(&e, 64, 128) == 0);
  void* f = aligned_alloc(64, 128);
  void* g = memalign(64, 128);
  void* h = valloc(128);
  CHECK(a && b && c && d && f && g && h);
  memset(a, 1, 4u << 20);
  free(a), free(b), free(c), free(d), free(e), free(f), free(g), free(h);

  /* A span: the library reports what this thread allocated inside it. */
  span(kSpanOpen, "parse step");
  void* s1 = malloc(1u << 20);
  void* s2 = malloc(1u << 20);
  CHECK(s1 && s2);
  free(s1), free(s2);
  span(kSpanClose, "parse step");

  /* A fork child counts on its own and reports at _exit. */
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    void* k = malloc(3u << 20);
    CHECK(k != NULL);
    memset(k, 2, 3u << 20);
    free(k);
    _exit(0);
  }
  int status = 0;
  CHECK(waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0);

  /* Reported before the exec; the new image reports at its exit. */
  execl("/proc/self/exe", argv[0], "exec", (char*)NULL);
  return 97;
}
