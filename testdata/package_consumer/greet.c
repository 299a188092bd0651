/* greet [--out FILE] NAME: prints "GREETING, NAME!" (GREETING from the environment,
 * default "hello"); with --out also writes it to FILE, and the time to greet.stamp. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char** argv) {
  const char* out = NULL;
  int i = 1;
  if (argc > 2 && strcmp(argv[1], "--out") == 0) {
    out = argv[2];
    i = 3;
  }
  if (i != argc - 1) {
    fprintf(stderr, "usage: greet [--out FILE] NAME\n");
    return 2;
  }
  const char* greeting = getenv("GREETING");
  if (greeting == NULL) greeting = "hello";
  printf("%s, %s!\n", greeting, argv[i]);
  if (out != NULL) {
    FILE* f = fopen(out, "w");
    FILE* stamp = fopen("greet.stamp", "w");
    if (f == NULL || stamp == NULL) return 1;
    fprintf(f, "%s, %s!\n", greeting, argv[i]);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    fprintf(stamp, "%lld.%09ld\n", (long long)now.tv_sec, now.tv_nsec);
    if (fclose(f) != 0 || fclose(stamp) != 0) return 1;
  }
  return 0;
}
