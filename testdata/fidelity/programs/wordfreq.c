/* wordfreq IN OUT: the word counts of IN into OUT (mode 0640), "COUNT WORD" sorted by
 * count (descending) then word; a summary on stdout, a warning on stderr for empty
 * lines. The C twin of wordfreq.py. */
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct ent {
  char w[64];
  int n;
};
static struct ent e[4096];
static int ne;

static int cmp(const void* a, const void* b) {
  const struct ent *x = a, *y = b;
  if (x->n != y->n) return y->n - x->n;
  return strcmp(x->w, y->w);
}

static void add(const char* w) {
  for (int i = 0; i < ne; i++)
    if (!strcmp(e[i].w, w)) {
      e[i].n++;
      return;
    }
  if (ne == 4096) return;
  strcpy(e[ne].w, w);
  e[ne++].n = 1;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: wordfreq IN OUT\n");
    return 2;
  }
  FILE* in = fopen(argv[1], "r");
  if (!in) {
    fprintf(stderr, "wordfreq: cannot open %s\n", argv[1]);
    return 1;
  }
  char line[1024], w[64];
  int empty = 0, total = 0;
  while (fgets(line, sizeof line, in)) {
    if (line[0] == '\n') {
      empty++;
      continue;
    }
    int k = 0;
    for (char* p = line;; p++) {
      if (isalpha((unsigned char)*p)) {
        if (k < 63) w[k++] = (char)tolower((unsigned char)*p);
      } else {
        if (k) {
          w[k] = 0;
          add(w);
          total++;
          k = 0;
        }
        if (!*p) break;
      }
    }
  }
  fclose(in);
  qsort(e, ne, sizeof e[0], cmp);
  int fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0640);
  if (fd < 0) {
    perror("open");
    return 1;
  }
  FILE* out = fdopen(fd, "w");
  for (int i = 0; i < ne; i++) fprintf(out, "%d %s\n", e[i].n, e[i].w);
  fclose(out);
  if (empty) fprintf(stderr, "warning: %d empty lines skipped\n", empty);
  printf("words: %d unique: %d\n", total, ne);
  return 0;
}
