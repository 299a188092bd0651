/* tally WORDS OUT: counts the words of WORDS (split on blanks), writes "COUNT WORD"
 * lines sorted by word (bytes) to OUT, prints "N words, M distinct". The C version of
 * tally.py and tally.sh: the three give the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_bytes(const void* a, const void* b) {
  return strcmp(*(char* const*)a, *(char* const*)b);
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: tally WORDS OUT\n");
    return 2;
  }
  FILE* in = fopen(argv[1], "r");
  if (in == NULL) {
    perror(argv[1]);
    return 1;
  }
  char** words = NULL;
  size_t n = 0, cap = 0;
  char buf[256];
  while (fscanf(in, "%255s", buf) == 1) {
    if (n == cap) {
      cap = cap ? 2 * cap : 64;
      words = realloc(words, cap * sizeof *words);
    }
    words[n++] = strdup(buf);
  }
  fclose(in);
  qsort(words, n, sizeof *words, by_bytes);
  FILE* out = fopen(argv[2], "w");
  if (out == NULL) {
    perror(argv[2]);
    return 1;
  }
  size_t distinct = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && strcmp(words[j], words[i]) == 0) j++;
    fprintf(out, "%zu %s\n", j - i, words[i]);
    distinct++;
    i = j;
  }
  fclose(out);
  printf("%zu words, %zu distinct\n", n, distinct);
  return 0;
}
