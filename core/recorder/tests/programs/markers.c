// markers: golden's marker syscall (golden/model/marker.hpp) from two threads, nested
// spans around an openat, an annotation, and three malformed markers (unknown op,
// unreadable message, oversized length). Every marker must fail with ENOSYS, traced
// or not: exits 3 otherwise.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { kMarker = 0x601d, kOpen = 1, kClose = 2, kAnnotation = 3 };

static int bad_returns;  // the worker runs alone (main waits in pthread_join)

static void marker(long op, const char* message, size_t length) {
  errno = 0;
  if (syscall(kMarker, op, message, length) != -1 || errno != ENOSYS) ++bad_returns;
}

static void span(long op, const char* name) { marker(op, name, strlen(name)); }

static void* worker(void* arg) {
  (void)arg;
  span(kOpen, "worker");
  span(kClose, "worker");
  return NULL;
}

int main(void) {
  span(kOpen, "outer");
  span(kOpen, "inner");
  int fd = open("/dev/null", O_RDONLY);
  if (fd >= 0) close(fd);
  span(kClose, "inner");
  const char note[] = "stats count=3 name=x";
  marker(kAnnotation, note, sizeof note - 1);
  span(kClose, "outer");

  pthread_t t;
  if (pthread_create(&t, NULL, worker, NULL) != 0 || pthread_join(t, NULL) != 0) return 4;

  marker(7, "odd", 3);
  marker(kOpen, (const char*)8, 16);
  static char big[5000];
  memset(big, 'b', sizeof big);
  marker(kOpen, big, sizeof big);
  return bad_returns == 0 ? 0 : 3;
}
