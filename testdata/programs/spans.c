/* spans: an instrumented program using golden's marker syscall (golden/model/marker.hpp):
 * span "request" around span "parse", which opens /dev/null, then an annotation
 * "app.stats items=2 mode=fast", all on the main thread.
 *   open request; open parse; openat /dev/null; close parse; annotation; close request
 * Every marker must fail with ENOSYS, traced or not (golden leaves the kernel's answer).
 * stdout (deterministic):
 *   spans: 5 markers, all ENOSYS
 * Exit status 0; 3 when a marker did not return ENOSYS. */
#include <sys/syscall.h>

#include "tracee.h"

enum { kMarker = 0x601d, kSpanOpen = 1, kSpanClose = 2, kAnnotation = 3 };

static int markers, enosys;

static void marker(long op, const char* message) {
  errno = 0;
  long r = syscall(kMarker, op, message, strlen(message));
  markers++;
  if (r == -1 && errno == ENOSYS) enosys++;
}

int main(void) {
  marker(kSpanOpen, "request");
  marker(kSpanOpen, "parse");
  int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  CHECK(fd >= 0);
  CHECK(close(fd) == 0);
  marker(kSpanClose, "parse");
  marker(kAnnotation, "app.stats items=2 mode=fast");
  marker(kSpanClose, "request");
  say("spans: %d markers, %s\n", markers, enosys == markers ? "all ENOSYS" : "NOT all ENOSYS");
  return enosys == markers ? 0 : 3;
}
