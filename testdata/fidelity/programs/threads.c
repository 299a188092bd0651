/* threads DIR: four threads, each writing its own DIR/thread-K.txt (50 lines), then
 * one line on stdout. The C twin of threads.py. FIDELITY_VARIANT=content changes the
 * text thread 2 writes. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kThreads = 4, kLines = 50 };
static const char* dir;

static void* writer(void* arg) {
  int k = (int)(long)arg;
  const char* variant = getenv("FIDELITY_VARIANT");
  const char* word = (k == 2 && variant && strcmp(variant, "content") == 0) ? "LINE" : "line";
  char path[4096];
  snprintf(path, sizeof path, "%s/thread-%d.txt", dir, k);
  FILE* f = fopen(path, "w");
  if (f == NULL) return (void*)1;
  for (int i = 0; i < kLines; i++) fprintf(f, "thread %d %s %d\n", k, word, i);
  return (void*)(long)(fclose(f) != 0);
}

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  dir = argv[1];
  pthread_t t[kThreads];
  for (long k = 0; k < kThreads; k++) pthread_create(&t[k], NULL, writer, (void*)k);
  int failed = 0;
  for (int k = 0; k < kThreads; k++) {
    void* r;
    pthread_join(t[k], &r);
    failed |= r != NULL;
  }
  printf("%d threads done\n", kThreads);
  return failed;
}
