// print_env FILE NAME...: writes "NAME=value" lines (or "NAME unset") into FILE.
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char** argv) {
  if (argc < 2) return 2;
  FILE* f = fopen(argv[1], "w");
  if (!f) return 1;
  for (int i = 2; i < argc; ++i) {
    const char* v = getenv(argv[i]);
    if (v) fprintf(f, "%s=%s\n", argv[i], v);
    else fprintf(f, "%s unset\n", argv[i]);
  }
  return fclose(f) == 0 ? 0 : 1;
}
