// Conformance tracee: ioctl request names and the common ioctl structures — terminals
// (a pty pair), fd and socket requests, interface requests on lo, fs flags, block
// devices, KVM and perf.
#include "conformance.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <linux/kvm.h>
#include <linux/perf_event.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>

int main(void) {
  int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
  unsigned n;
  ioctl(m, TIOCGPTN, &n);
  int unlock = 0;
  ioctl(m, TIOCSPTLCK, &unlock);
  struct termios t;
  ioctl(m, TCGETS, &t);
  ioctl(m, TCSETS, &t);
  struct winsize ws = {24, 80, 0, 0};
  ioctl(m, TIOCSWINSZ, &ws);
  ioctl(m, TIOCGWINSZ, &ws);
  int pgrp;
  ioctl(m, TIOCGPGRP, &pgrp);
  ioctl(m, TCFLSH, TCIOFLUSH);
  close(m);

  int p[2];
  pipe(p);
  int avail;
  ioctl(p[0], FIONREAD, &avail);
  int on = 1;
  ioctl(p[0], FIONBIO, &on);
  ioctl(p[0], FIOCLEX);
  ioctl(p[0], FIONCLEX);
  ioctl(p[0], TCGETS, &t);
  close(p[0]);
  close(p[1]);

  int s = socket(AF_INET, SOCK_DGRAM, 0);
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  strcpy(ifr.ifr_name, "lo");
  ioctl(s, SIOCGIFINDEX, &ifr);
  ioctl(s, SIOCGIFFLAGS, &ifr);
  ioctl(s, SIOCGIFMTU, &ifr);
  close(s);

  int f = open("file", O_CREAT | O_RDWR, 0600);
  long flags;
  ioctl(f, FS_IOC_GETFLAGS, &flags);
  ioctl(f, FIGETBSZ, &avail);
  ioctl(f, _IOR('Z', 0x99, int), &avail);
  ioctl(f, 0x12345678, 0);
  close(f);
  unsigned long long size;
  int b = open("/dev/loop0", O_RDONLY);
  ioctl(b, BLKGETSIZE64, &size);
  ioctl(b, BLKSSZGET, &avail);
  close(b);

  int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
  ioctl(kvm, KVM_GET_API_VERSION, 0);
  ioctl(kvm, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY);
  ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
  close(kvm);

  struct perf_event_attr pa;
  memset(&pa, 0, sizeof pa);
  pa.type = PERF_TYPE_SOFTWARE;
  pa.size = sizeof pa;
  pa.config = PERF_COUNT_SW_TASK_CLOCK;
  pa.disabled = 1;
  int pe = (int)syscall(SYS_perf_event_open, &pa, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
  ioctl(pe, PERF_EVENT_IOC_ENABLE, 0);
  ioctl(pe, PERF_EVENT_IOC_DISABLE, 0);
  ioctl(pe, PERF_EVENT_IOC_RESET, 0);
  close(pe);
  return 0;
}
