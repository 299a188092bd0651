// Conformance tracee: the rest of the list — getrandom (buffer on exit),
// seccomp operations, bpf commands, uname/sysinfo/getcpu, capabilities, ioprio.
#include "conformance.h"

#include <linux/bpf.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/random.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

int main(void) {
  unsigned char rnd[8];
  getrandom(rnd, sizeof rnd, GRND_NONBLOCK);
  getrandom(rnd, 0, 0);
  syscall(SYS_getrandom, NULL, 4, GRND_RANDOM | GRND_INSECURE);

  syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &(unsigned){SECCOMP_RET_KILL_PROCESS});
  syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, (char[8]){0});
  syscall(SYS_seccomp, 99, 0, NULL);
  struct sock_filter allow[] = {BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
  struct sock_fprog prog = {.len = 1, .filter = allow};
  syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC | SECCOMP_FILTER_FLAG_LOG, &prog);

  union bpf_attr attr;
  memset(&attr, 0, sizeof attr);
  attr.map_type = BPF_MAP_TYPE_ARRAY;
  attr.key_size = 4;
  attr.value_size = 8;
  attr.max_entries = 2;
  int map = (int)syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof attr);
  memset(&attr, 0, sizeof attr);
  attr.map_fd = (unsigned)map;
  syscall(SYS_bpf, BPF_MAP_GET_NEXT_KEY, &attr, sizeof attr);
  syscall(SYS_bpf, 9999, NULL, 0);
  close(map);

  struct utsname u;
  uname(&u);
  struct sysinfo si;
  sysinfo(&si);
  unsigned cpu, node;
  syscall(SYS_getcpu, &cpu, &node, NULL);
  struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2];
  syscall(SYS_capget, &hdr, data);
  syscall(SYS_ioprio_get, 1, 0);
  syscall(SYS_getcpu, NULL, NULL, NULL);
  sethostname("x", 0);
  syscall(SYS_umask, 0);
  syscall(SYS_umask, 022);
  return 0;
}
