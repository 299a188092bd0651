/* threads: four pthreads run at once, each writing kLines lines to /dev/null and
 * calling getpid kLines times; main joins them and prints what each did, in order.
 *
 * Exercises: clone3/clone of threads (CLONE_THREAD), several tids of one pid making
 * syscalls concurrently, thread exit, futex-based join.
 * Nondeterministic syscalls: futex (pthread_join waits only if the thread is still
 * running). Stacks are all allocated before any thread is joined, so glibc's stack
 * cache is never used and mmap/mprotect/munmap/madvise are deterministic.
 * stdout (deterministic):
 *   thread 0: 25 writes, 25 getpid
 *   ... (threads 1..3)
 *   all threads joined
 * Exit status 0. */
#include <pthread.h>
#include <sys/syscall.h>

#include "tracee.h"

enum { kThreads = 4, kLines = 25 };

static int devnull = -1;
static int done_writes[kThreads];
static int done_getpid[kThreads];

static void* worker(void* arg) {
  int id = (int)(long)arg;
  char line[32];
  int n = snprintf(line, sizeof line, "thread %d line\n", id);
  for (int i = 0; i < kLines; i++) {
    if (write(devnull, line, (size_t)n) == n) done_writes[id]++;
    if (syscall(SYS_getpid) > 0) done_getpid[id]++;
  }
  return NULL;
}

int main(void) {
  devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
  CHECK(devnull >= 0);
  pthread_t t[kThreads];
  for (long i = 0; i < kThreads; i++) CHECK(pthread_create(&t[i], NULL, worker, (void*)i) == 0);
  for (int i = 0; i < kThreads; i++) CHECK(pthread_join(t[i], NULL) == 0);
  for (int i = 0; i < kThreads; i++)
    say("thread %d: %d writes, %d getpid\n", i, done_writes[i], done_getpid[i]);
  say("all threads joined\n");
  close(devnull);
  return 0;
}
