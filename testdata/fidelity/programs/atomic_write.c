/* atomic_write DIR: writes DIR/out.txt and DIR/state/index.txt atomically (mkstemp in
 * the target dir, write, fsync, fchmod 0644, rename). FIDELITY_VARIANT=leak also leaves
 * a mkstemp file DIR/.scratch.XXXXXX behind; =mode600 fchmods 0600. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char* variant = "";

static int atomic_write(const char* dir, const char* name, const char* data) {
  char tmp[4096], dst[4096];
  snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir, name);
  snprintf(dst, sizeof dst, "%s/%s", dir, name);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    perror("mkstemp");
    return -1;
  }
  size_t n = strlen(data);
  if (write(fd, data, n) != (ssize_t)n) {
    perror("write");
    return -1;
  }
  fsync(fd);
  fchmod(fd, strcmp(variant, "mode600") == 0 ? 0600 : 0644);
  close(fd);
  if (rename(tmp, dst) < 0) {
    perror("rename");
    return -1;
  }
  return (int)n;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: atomic_write DIR\n");
    return 2;
  }
  if (getenv("FIDELITY_VARIANT")) variant = getenv("FIDELITY_VARIANT");
  const char* d = argv[1];
  char buf[8192] = "", line[128], sub[4096];
  for (int i = 0; i < 10; i++) {
    snprintf(line, sizeof line, "entry %d: %d\n", i, i * i);
    strcat(buf, line);
  }
  int n = atomic_write(d, "out.txt", buf);
  snprintf(sub, sizeof sub, "%s/state", d);
  if (mkdir(sub, 0755) < 0 && errno != EEXIST) {
    perror("mkdir");
    return 1;
  }
  if (n < 0 || atomic_write(sub, "index.txt", "out.txt 10\n") < 0) return 1;
  if (strcmp(variant, "leak") == 0) {
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s/.scratch.XXXXXX", d);
    int fd = mkstemp(tmp);
    if (fd < 0 || write(fd, "scratch\n", 8) != 8) return 1;
    close(fd); /* forgotten: unlink(tmp) */
  }
  printf("wrote out.txt (%d bytes)\n", n);
  return 0;
}
