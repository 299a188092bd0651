/* The reference CLI of the equivalence tests, in C (greet.py and greet.sh are the
 * same CLI in Python and shell): greeting on stdout, one file written, one line on
 * stderr, exit 0.
 *
 *   greet NAME OUTDIR [--mutate=KIND]
 *
 * --mutate changes exactly one observable behaviour, so the tests can check that each
 * single change diverges at the right place: stdout, stderr, content, extra-file,
 * delete-file, exit, connect, child. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

static int mutated(const char* mutation, const char* kind) { return strcmp(mutation, kind) == 0; }

static void write_file(const char* dir, const char* name, const char* content) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE* f = fopen(path, "w");
  if (f == NULL) {
    perror(path);
    exit(1);
  }
  fputs(content, f);
  fclose(f);
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: greet NAME OUTDIR [--mutate=KIND]\n");
    return 2;
  }
  const char* name = argv[1];
  const char* dir = argv[2];
  const char* mutation = argc > 3 && strncmp(argv[3], "--mutate=", 9) == 0 ? argv[3] + 9 : "";

  char content[512];
  snprintf(content, sizeof content, mutated(mutation, "content") ? "greeted %s!\n" : "greeted %s\n",
           name);
  write_file(dir, "greeting.txt", content);

  if (mutated(mutation, "extra-file")) write_file(dir, "extra.txt", "");
  if (mutated(mutation, "delete-file")) {
    char path[4096];
    snprintf(path, sizeof path, "%s/old.txt", dir);
    unlink(path);
  }
  if (mutated(mutation, "connect")) {
    /* Port 9 (discard) on loopback: refused or not, the attempt is the behaviour. */
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(9);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    (void)connect(s, (struct sockaddr*)&addr, sizeof addr);
    close(s);
  }
  if (mutated(mutation, "child")) {
    pid_t pid;
    char* child_argv[] = {"true", NULL};
    if (posix_spawn(&pid, "/bin/true", NULL, NULL, child_argv, environ) == 0) waitpid(pid, NULL, 0);
  }

  fputs(mutated(mutation, "stderr") ? "warning: wrote greeting.txt\n" : "note: wrote greeting.txt\n",
        stderr);
  printf(mutated(mutation, "stdout") ? "Hello %s!\n" : "Hello, %s!\n", name);
  return mutated(mutation, "exit") ? 3 : 0;
}
