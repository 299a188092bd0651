// Conformance tracee: netlink — NETLINK_ROUTE dump requests sent with sendto/sendmsg
// and the replies read with recvmsg/recvfrom (nlmsghdr: length, type, flags, seq, pid).
#include "conformance.h"

#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>

struct request {
  struct nlmsghdr nh;
  struct rtgenmsg g;
};

int main(void) {
  int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  struct sockaddr_nl local = {.nl_family = AF_NETLINK};
  bind(s, (struct sockaddr*)&local, sizeof local);
  struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
  struct request req = {
      .nh = {.nlmsg_len = sizeof req, .nlmsg_type = RTM_GETLINK, .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
             .nlmsg_seq = 1, .nlmsg_pid = 0},
      .g = {.rtgen_family = AF_UNSPEC}};
  sendto(s, &req, sizeof req, 0, (struct sockaddr*)&kernel, sizeof kernel);
  static char buf[32768];
  // Only the first reply: how many the kernel sends depends on the machine's interfaces.
  struct iovec iov = {buf, sizeof buf};
  struct msghdr mh = {.msg_name = &kernel, .msg_namelen = sizeof kernel, .msg_iov = &iov, .msg_iovlen = 1};
  recvmsg(s, &mh, MSG_PEEK | MSG_TRUNC);
  close(s);

  s = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
  req.nh.nlmsg_type = RTM_GETADDR;
  req.nh.nlmsg_seq = 2;
  req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
  struct iovec siov = {&req, sizeof req};
  struct msghdr smh = {.msg_name = &kernel, .msg_namelen = sizeof kernel, .msg_iov = &siov, .msg_iovlen = 1};
  sendmsg(s, &smh, 0);
  close(s);

  // A message type the kernel rejects: the reply is an NLMSG_ERROR.
  s = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_ROUTE);
  req.nh.nlmsg_type = 0x7ff;
  req.nh.nlmsg_seq = 3;
  req.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
  send(s, &req, sizeof req, 0);
  recv(s, buf, sizeof buf, 0);
  close(s);
  // Another family: a sock_diag dump of unix sockets (the types are named per family).
  s = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  struct {
    struct nlmsghdr nh;
    struct unix_diag_req req;
  } diag = {.nh = {.nlmsg_len = sizeof diag, .nlmsg_type = SOCK_DIAG_BY_FAMILY,
                   .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP, .nlmsg_seq = 4},
            .req = {.sdiag_family = AF_UNIX, .udiag_states = 0, .udiag_show = UDIAG_SHOW_NAME}};
  send(s, &diag, sizeof diag, 0);
  close(s);
  return 0;
}
