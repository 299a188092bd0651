/* Calls into libsrcuser.so (src_lib.c). */
int lib_open_data(const char* path);

int main(void) {
  int fd = lib_open_data("/golden-src-lib"); /* LINE:lib-call */
  return fd >= 0 ? 1 : 0;
}
