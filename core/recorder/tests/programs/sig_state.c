// sig_state FILE: copies the SigBlk and SigIgn lines of /proc/self/status into FILE.
#include <stdio.h>
#include <string.h>
int main(int argc, char** argv) {
  if (argc < 2) return 2;
  FILE* in = fopen("/proc/self/status", "r");
  FILE* out = fopen(argv[1], "w");
  if (!in || !out) return 1;
  char line[256];
  while (fgets(line, sizeof line, in))
    if (strncmp(line, "SigBlk:", 7) == 0 || strncmp(line, "SigIgn:", 7) == 0) fputs(line, out);
  return fclose(out) == 0 ? 0 : 1;
}
