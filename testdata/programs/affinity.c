/* affinity: what a program can see of its CPU set, which `golden capture` must not
 * change although it runs launched programs on the recorder's CPU (cpu_pin.hpp).
 *
 * Reads its CPU set with sched_getaffinity for itself (pid 0 and its own pid), from a
 * thread and from a forked child; pins itself to its first CPU and reads it back;
 * restores the set it had and reads it back.
 *
 * `affinity` prints only comparisons, so its stdout is the same on every machine:
 *   thread sees the process's CPU set: yes
 *   child sees the parent's CPU set: yes
 *   pinned to its first CPU: 1 CPU
 *   restored: yes
 * `affinity report` prints the sets themselves and the kernel's view in
 * /proc/self/status (which golden does not hide): machine-dependent lines
 *   self: N CPUs [list]           (also "pid:", "thread:", "child:", "pinned:",
 *   status at start: Cpus_allowed_list L   "restored:", "status after restore:")
 * Exercises: sched_getaffinity/sched_setaffinity answered for pinned tracees, a
 * program's own sched_setaffinity honoured.
 * Nondeterministic syscalls: futex (pthread_join waits only if the thread is still
 * running).
 * Exit status 0. */
#include "tracee.h" /* first: defines _GNU_SOURCE, which the CPU_* macros need */

#include <pthread.h>
#include <sched.h>
#include <sys/wait.h>

static cpu_set_t thread_set;

static void* in_thread(void* arg) {
  (void)arg;
  CHECK(sched_getaffinity(0, sizeof thread_set, &thread_set) == 0);
  return NULL;
}

static void describe(const char* label, const cpu_set_t* set) {
  char list[256] = "";
  size_t len = 0;
  for (int cpu = 0; cpu < CPU_SETSIZE && len + 8 < sizeof list; cpu++)
    if (CPU_ISSET(cpu, set)) len += (size_t)snprintf(list + len, sizeof list - len, "%s%d", len ? "," : "", cpu);
  say("%s: %d CPUs [%s]\n", label, CPU_COUNT(set), list);
}

static void describe_status(const char* label) {
  char buf[4096];
  int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
  CHECK(fd >= 0);
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  CHECK(n > 0);
  buf[n] = 0;
  const char* line = strstr(buf, "Cpus_allowed_list:");
  CHECK(line != NULL);
  line += strlen("Cpus_allowed_list:");
  while (*line == ' ' || *line == '\t') line++;
  say("%s: Cpus_allowed_list %.*s\n", label, (int)strcspn(line, "\n"), line);
}

int main(int argc, char** argv) {
  const int report = argc > 1 && strcmp(argv[1], "report") == 0;
  if (report) describe_status("status at start");
  cpu_set_t self, by_pid, child, one, restored;
  CHECK(sched_getaffinity(0, sizeof self, &self) == 0);
  CHECK(sched_getaffinity(getpid(), sizeof by_pid, &by_pid) == 0);

  pthread_t t;
  CHECK(pthread_create(&t, NULL, in_thread, NULL) == 0);
  CHECK(pthread_join(t, NULL) == 0);

  /* The child reports its set through a pipe: same bytes as the parent's? */
  int fds[2];
  CHECK(pipe(fds) == 0);
  pid_t pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) {
    cpu_set_t mine;
    CHECK(sched_getaffinity(0, sizeof mine, &mine) == 0);
    CHECK(write(fds[1], &mine, sizeof mine) == (ssize_t)sizeof mine);
    _exit(0);
  }
  close(fds[1]);
  CHECK(read(fds[0], &child, sizeof child) == (ssize_t)sizeof child);
  close(fds[0]);
  int status = 0;
  CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);

  int first = 0;
  while (first < CPU_SETSIZE && !CPU_ISSET(first, &self)) first++;
  cpu_set_t want;
  CPU_ZERO(&want);
  CPU_SET(first, &want);
  CHECK(sched_setaffinity(0, sizeof want, &want) == 0);
  CHECK(sched_getaffinity(0, sizeof one, &one) == 0);
  CHECK(sched_setaffinity(0, sizeof self, &self) == 0);
  CHECK(sched_getaffinity(0, sizeof restored, &restored) == 0);

  if (report) {
    describe("self", &self);
    describe("pid", &by_pid);
    describe("thread", &thread_set);
    describe("child", &child);
    describe("pinned", &one);
    describe("restored", &restored);
    describe_status("status after restore");
  } else {
    say("thread sees the process's CPU set: %s\n", CPU_EQUAL(&thread_set, &self) ? "yes" : "no");
    say("child sees the parent's CPU set: %s\n", CPU_EQUAL(&child, &self) ? "yes" : "no");
    say("pinned to its first CPU: %d CPU\n", CPU_COUNT(&one));
    say("restored: %s\n", CPU_EQUAL(&restored, &self) && CPU_EQUAL(&by_pid, &self) ? "yes" : "no");
  }
  return 0;
}
