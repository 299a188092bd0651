/* The moments libgolden_alloc.so reports: before every exec (the image and its
 * counters are about to vanish) and at _exit()/_Exit(), which skip the destructor that
 * reports at a normal exit. Each wrapper reports, then forwards to libc. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc_counters.h"

typedef int (*execve_fn)(const char*, char* const[], char* const[]);
typedef int (*execv_fn)(const char*, char* const[]);
typedef int (*fexecve_fn)(int, char* const[], char* const[]);
typedef int (*execveat_fn)(int, const char*, char* const[], char* const[], int);
typedef void (*exit_fn)(int);

/* Looked up once, at load: a vfork child (sharing our memory, maybe with a loader lock
 * held by its suspended parent) must not call dlsym. */
static struct {
  execve_fn execve, execvpe;
  execv_fn execv, execvp;
  fexecve_fn fexecve;
  execveat_fn execveat;
  exit_fn exit_, Exit_;
} real;

/* ISO C has no object-to-function pointer conversion; POSIX guarantees this one. */
#define LOOKUP(field, name)                   \
  do {                                        \
    void* sym_ = dlsym(RTLD_NEXT, name);       \
    memcpy(&real.field, &sym_, sizeof sym_);     \
  } while (0)

__attribute__((constructor)) static void look_up(void) {
  LOOKUP(execve, "execve");
  LOOKUP(execvpe, "execvpe");
  LOOKUP(execv, "execv");
  LOOKUP(execvp, "execvp");
  LOOKUP(fexecve, "fexecve");
  LOOKUP(execveat, "execveat");
  LOOKUP(exit_, "_exit");
  LOOKUP(Exit_, "_Exit");
}

int execve(const char* path, char* const argv[], char* const envp[]) {
  golden_alloc_report("exec");
  return real.execve(path, argv, envp);
}

int execv(const char* path, char* const argv[]) {
  golden_alloc_report("exec");
  return real.execv(path, argv);
}

int execvp(const char* file, char* const argv[]) {
  golden_alloc_report("exec");
  return real.execvp(file, argv);
}

int execvpe(const char* file, char* const argv[], char* const envp[]) {
  golden_alloc_report("exec");
  return real.execvpe(file, argv, envp);
}

int fexecve(int fd, char* const argv[], char* const envp[]) {
  golden_alloc_report("exec");
  return real.fexecve(fd, argv, envp);
}

int execveat(int dirfd, const char* path, char* const argv[], char* const envp[], int flags) {
  golden_alloc_report("exec");
  return real.execveat(dirfd, path, argv, envp, flags);
}

/* execl/execlp/execle are variadic: collect the arguments (on the stack: no
 * allocation), then take the execv* path above, which reports. */
#define COLLECT_ARGS(first, ap, argv, envp_out)                         \
  size_t count = 1;                                                    \
  va_start(ap, first);                                                 \
  while (va_arg(ap, const char*) != NULL) ++count;                     \
  va_end(ap);                                                          \
  const char* argv[count + 1];                                         \
  argv[0] = first;                                                     \
  va_start(ap, first);                                                 \
  for (size_t i = 1; i <= count; ++i) argv[i] = va_arg(ap, const char*); \
  envp_out;                                                            \
  va_end(ap)

int execl(const char* path, const char* arg, ...) {
  va_list ap;
  COLLECT_ARGS(arg, ap, argv, (void)0);
  return execv(path, (char* const*)argv);
}

int execlp(const char* file, const char* arg, ...) {
  va_list ap;
  COLLECT_ARGS(arg, ap, argv, (void)0);
  return execvp(file, (char* const*)argv);
}

int execle(const char* path, const char* arg, ...) {
  va_list ap;
  char* const* envp;
  COLLECT_ARGS(arg, ap, argv, envp = va_arg(ap, char* const*));
  return execve(path, (char* const*)argv, envp);
}

void _exit(int status) {
  golden_alloc_report("exit");
  real.exit_(status);
  __builtin_unreachable();
}

void _Exit(int status) {
  golden_alloc_report("exit");
  real.Exit_(status);
  __builtin_unreachable();
}
