/* sorter DIR: runs `sort -o DIR/sorted.txt DIR/names.txt` (fork + execlp), points
 * DIR/latest at sorted.txt, writes DIR/done.txt (0600). The C twin of sorter.py. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  char in[4096], out[4096], link[4096], done[4096];
  snprintf(in, sizeof in, "%s/names.txt", argv[1]);
  snprintf(out, sizeof out, "%s/sorted.txt", argv[1]);
  snprintf(link, sizeof link, "%s/latest", argv[1]);
  snprintf(done, sizeof done, "%s/done.txt", argv[1]);
  fflush(stdout);
  pid_t p = fork();
  if (p == 0) {
    execlp("sort", "sort", "-o", out, in, (char*)NULL);
    _exit(127);
  }
  int st;
  waitpid(p, &st, 0);
  if (!WIFEXITED(st) || WEXITSTATUS(st)) {
    fprintf(stderr, "sort failed\n");
    return 1;
  }
  unlink(link);
  if (symlink("sorted.txt", link) < 0) return 1;
  int fd = open(done, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || write(fd, "ok\n", 3) != 3) return 1;
  close(fd);
  printf("sorted\n");
  return 0;
}
