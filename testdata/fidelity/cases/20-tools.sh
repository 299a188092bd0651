# Compilers, binutils, archivers, compressors and build tools, kept real. Whatever
# embeds a time gets a fixed one (gzip -n, tar --mtime=@0, zip -X on touch -d @0
# inputs). Sourced by fidelity.sh (see README.md).
# shellcheck shell=bash disable=SC2034,SC2016  # CMD is read by fidelity.sh; sh -c scripts expand their own $1

setup_gcc_compile() {
  put x.c <<'C'
#ifndef SCALE
#define SCALE 2
#endif
int scale(int x) { return x * SCALE; }
C
}
cmd_gcc_compile() {
  CMD=(gcc -O1 -c "$D/x.c" -o "$D/x.o")
  [[ $VARIANT == define ]] && CMD=(gcc -O1 -DSCALE=3 -c "$D/x.c" -o "$D/x.o")
  return 0
}
# gcc passes its children -dumpbase/-dumpdir derived from how the paths were written:
# a relative invocation and an absolute one from another cwd differ in those (a known
# limit, docs/compare.md), so each pair keeps one way of writing the paths.
equivalent gcc_compile gcc_compile mktemp+out python+out
# The issue's case: on a rerun `as` unlinks the x.o the first run left.
equivalent gcc_compile_rerun gcc_compile fixed tmpdir
mutant gcc_define gcc_compile mktemp-named tmpdir define 'where: file [^ ]*/x\.o \(file_content\)'

setup_gcc_link() {
  put util.h <<<'int twice(int x);'
  put util.c <<<'int twice(int x) { return 2 * x; }'
  put main.c <<'C'
#include <stdio.h>
#include "util.h"
int main(void) { printf("%d\n", twice(21)); return 0; }
C
}
cmd_gcc_link() { CMD=(gcc -O1 -o "$D/app" "$D/main.c" "$D/util.c"); }
equivalent gcc_link gcc_link pytest build

setup_gpp_compile() {
  put shape.cpp <<'CPP'
#include <string>
struct Shape { double w, h; double area() const { return w * h; } };
std::string describe(const Shape& s) { return "area " + std::to_string(s.area()); }
CPP
}
cmd_gpp_compile() { CMD=(g++ -O1 -c "$D/shape.cpp" -o "$D/shape.o"); }
equivalent gpp_compile gpp_compile vartmp+rel mktemp-named+rel

setup_gpp_link() {
  put main.cpp <<'CPP'
#include <iostream>
#include <vector>
int main() {
  std::vector<int> v{3, 1, 2};
  int sum = 0;
  for (int x : v) sum += x;
  std::cout << "sum " << sum << "\n";
}
CPP
}
cmd_gpp_link() { CMD=(g++ -O1 -o "$D/app" "$D/main.cpp"); }
equivalent gpp_link gpp_link tmpdir fixed

setup_as_object() {
  put add.s <<'ASM'
	.text
	.globl	add
	.type	add, @function
add:
	leal	(%rdi,%rsi), %eax
	ret
ASM
}
cmd_as_object() { CMD=(as -o "$D/add.o" "$D/add.s"); }
equivalent as_object as_object homedir fixed

# ar over an existing archive (a rerun) reads it and replaces it through a temp file.
setup_ar_archive() {
  put a.c <<<'int a(void) { return 1; }'
  put b.c <<<'int b(void) { return 2; }'
  gcc -c a.c -o a.o
  gcc -c b.c -o b.o
}
cmd_ar_archive() { CMD=(ar rcD "$D/libab.a" "$D/a.o" "$D/b.o"); }
equivalent ar_archive ar_archive mktemp fixed

# strip writes a temp file (stXXXXXX) next to its target and renames it.
setup_strip_binary() {
  put hello.c <<<'int main(void) { return 0; }'
  cc_once hello.c hello
  cp hello stripped
}
cmd_strip_binary() { CMD=(strip "$D/stripped"); }
equivalent strip_binary strip_binary python pytest+home

tar_flags=(--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner)
setup_tar_create() {
  put src/a.txt <<<"alpha"
  put src/sub/b.txt <<<"beta"
  put extra.txt <<<"extra"
}
cmd_tar_create() {
  CMD=(tar "${tar_flags[@]}" -cf "$D/out.tar" -C "$D" src)
  [[ $VARIANT == extra-member ]] && CMD+=(extra.txt)
  return 0
}
equivalent tar_create tar_create mktemp-named pytest
equivalent tar_create_rerun tar_create fixed mktemp+out
mutant tar_extra_member tar_create vartmp mktemp-named extra-member 'where: file [^ ]*/out\.tar \(file_content\)'

setup_tar_extract() {
  put src/a.txt <<<"alpha"
  put src/b.txt <<<"beta"
  tar "${tar_flags[@]}" -cf in.tar src
  rm -r src
  mkdir -p out
}
cmd_tar_extract() {
  CMD=(tar -xf "$D/in.tar" -C "$D/out")
  [[ $VARIANT == one ]] && CMD+=(src/a.txt)
  return 0
}
equivalent tar_extract tar_extract tmpdir fixed
mutant tar_extract_one tar_extract mktemp pytest one 'where: file [^ ]*/out/src/b\.txt'

# tar forks gzip -n for -I: two processes, one pipe.
setup_tar_gzip() { setup_tar_create; }
cmd_tar_gzip() { CMD=(tar "${tar_flags[@]}" -I "gzip -n" -cf "$D/out.tgz" -C "$D" src); }
equivalent tar_gzip tar_gzip build python

# zip writes ziXXXXXX and renames it onto out.zip; over an existing archive (a rerun)
# it reads that first.
setup_zip_create() {
  put a.txt <<<"alpha"
  put b.txt <<<"beta"
  put c.txt <<<"gamma"
  touch -d @0 a.txt b.txt c.txt
}
cmd_zip_create() {
  CMD=(zip -X -q -j "$D/out.zip" "$D/a.txt" "$D/b.txt")
  [[ $VARIANT == extra ]] && CMD+=("$D/c.txt")
  return 0
}
equivalent zip_create zip_create python mktemp-named
equivalent zip_create_rerun zip_create fixed vartmp
mutant zip_extra zip_create mktemp tmpdir extra 'where: file [^ ]*/out\.zip'

setup_unzip_extract() {
  setup_zip_create
  rm -f in.zip
  zip -X -q in.zip a.txt b.txt c.txt
}
cmd_unzip_extract() {
  CMD=(unzip -q -o "$D/in.zip" -d "$D/out")
  [[ $VARIANT == exclude ]] && CMD+=(-x b.txt)
  return 0
}
equivalent unzip_extract unzip_extract pytest fixed+home
mutant unzip_exclude unzip_extract python vartmp exclude 'where: file [^ ]*/out/b\.txt'

setup_gzip_file() { seq 1 300 >data.txt; }
cmd_gzip_file() {
  local level=-9
  [[ $VARIANT == fast ]] && level=-1
  CMD=(gzip -n -k -f "$level" "$D/data.txt")
}
equivalent gzip_file gzip_file mktemp fixed
mutant gzip_level gzip_file pytest mktemp-named fast 'where: file [^ ]*/data\.txt\.gz \(file_content\)'

setup_gunzip_file() {
  seq 1 300 | gzip -n >data.txt.gz
  rm -f data.txt
}
cmd_gunzip_file() { CMD=(gzip -d -k -f "$D/data.txt.gz"); }
equivalent gunzip_file gunzip_file vartmp tmpdir

setup_xz_file() { seq 1 300 >data.txt; }
cmd_xz_file() {
  local level=-6
  [[ $VARIANT == fast ]] && level=-0
  CMD=(xz -k -f "$level" "$D/data.txt")
}
equivalent xz_file xz_file homedir mktemp-named
mutant xz_level xz_file build tmpdir fast 'where: file [^ ]*/data\.txt\.xz \(file_content\)'

setup_unxz_file() {
  seq 1 300 | xz >data.txt.xz
  rm -f data.txt
}
cmd_unxz_file() { CMD=(xz -d -k -f "$D/data.txt.xz"); }
equivalent unxz_file unxz_file python+rel build

# make: the inputs are rewritten by setup (newer than a rerun's outputs), so a rerun
# rebuilds too; the recipes fork shells.
setup_make_build() {
  local upper='tr a-z A-Z'
  [[ $VARIANT == recipe ]] && upper='tr a-y A-Y'
  words_input
  printf 'all: out.txt count.txt\n\nout.txt: in.txt\n\t%s < in.txt > out.txt\n\ncount.txt: out.txt\n\twc -l < out.txt > count.txt\n' \
    "$upper" >Makefile
}
cmd_make_build() { CMD=(make -C "$D"); }
equivalent make_build make_build pytest mktemp
equivalent make_rerun make_build fixed homedir+out
mutant make_recipe make_build mktemp python recipe 'where: file [^ ]*/out\.txt \(file_content\)'

# CMake configure + build of a one-file C project. The compiler checks are preset:
# their try_compile projects get random names (cmTC_1a2b3 in make's argv, in
# CMakeOutput.log), which would make any two configures differ, untraced too.
setup_cmake_build() {
  put proj/CMakeLists.txt <<'CMAKE'
cmake_minimum_required(VERSION 3.13)
project(hello C)
add_executable(hello hello.c)
CMAKE
  put proj/hello.c <<'C'
#include <stdio.h>
int main(void) { puts("hello from cmake"); return 0; }
C
}
cmd_cmake_build() {
  CMD=(sh -c 'cmake -DCMAKE_C_COMPILER_WORKS=ON -DCMAKE_C_ABI_COMPILED=ON -S "$1/proj" -B "$1/build" >/dev/null &&
    cmake --build "$1/build" >/dev/null && "$1/build/hello"' sh "$D")
}
equivalent cmake_build cmake_build mktemp python
