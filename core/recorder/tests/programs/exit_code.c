// exit_code N: exits with status N (a tiny exec target).
#include <stdlib.h>
int main(int argc, char** argv) { return argc > 1 ? atoi(argv[1]) : 0; }
