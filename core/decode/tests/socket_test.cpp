// Socket calls: domains/types, socket addresses (text and canonical endpoint), msghdr.
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cstring>

#include <gtest/gtest.h>

#include "fakes.hpp"
#include "golden/model/payload_hash.hpp"

namespace golden {
namespace {

using testing::addr;
using testing::decode;
using testing::FakeFds;
using testing::finish;
using testing::SelfMemory;

TEST(Socket, DomainTypeProtocol) {
  SelfMemory mem;
  FakeFds fds;
  auto d = decode("socket", {AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, IPPROTO_TCP}, mem, fds);
  EXPECT_EQ(d.arg(0).kind, ArgKind::Enum);
  EXPECT_EQ(d.arg(0).text, "AF_INET");
  EXPECT_EQ(d.arg(1).text, "SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK");
  EXPECT_EQ(d.arg(2).text, "IPPROTO_TCP");
  EXPECT_EQ(decode("socket", {AF_NETLINK, SOCK_RAW, NETLINK_ROUTE}, mem, fds).arg(2).text, "NETLINK_ROUTE");
  EXPECT_EQ(decode("socket", {AF_UNIX, SOCK_DGRAM, 0}, mem, fds).arg(0).text, "AF_UNIX");
  EXPECT_EQ(decode("socket", {999, 1, 0}, mem, fds).arg(0).text, "0x3e7 /* AF_??? */");
}

TEST(Socket, ConnectInet) {
  SelfMemory mem;
  FakeFds fds;
  fds.names[3] = "socket:[1234]";
  sockaddr_in sin{};
  sin.sin_family = AF_INET;
  sin.sin_port = htons(8080);
  inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
  auto d = decode("connect", {3, addr(&sin), sizeof sin}, mem, fds);
  EXPECT_EQ(d.arg(0).text, "3<socket:[1234]>");
  EXPECT_EQ(d.arg(1).kind, ArgKind::Sockaddr);
  EXPECT_EQ(d.arg(1).text, "{sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}");
  EXPECT_EQ(d.arg(1).str, "127.0.0.1:8080");
}

TEST(Socket, ConnectInet6) {
  SelfMemory mem;
  FakeFds fds;
  sockaddr_in6 sin6{};
  sin6.sin6_family = AF_INET6;
  sin6.sin6_port = htons(443);
  inet_pton(AF_INET6, "::1", &sin6.sin6_addr);
  auto d = decode("connect", {3, addr(&sin6), sizeof sin6}, mem, fds);
  EXPECT_EQ(d.arg(1).str, "[::1]:443");
  EXPECT_EQ(d.arg(1).text,
            "{sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
            "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}");
}

TEST(Socket, UnixPathAndAbstract) {
  SelfMemory mem;
  FakeFds fds;
  sockaddr_un sun{};
  sun.sun_family = AF_UNIX;
  std::strcpy(sun.sun_path, "/run/app.sock");
  auto d = decode("bind", {3, addr(&sun), offsetof(sockaddr_un, sun_path) + 14}, mem, fds);
  EXPECT_EQ(d.arg(1).text, "{sa_family=AF_UNIX, sun_path=\"/run/app.sock\"}");
  EXPECT_EQ(d.arg(1).str, "unix:/run/app.sock");

  sockaddr_un abs{};
  abs.sun_family = AF_UNIX;
  std::memcpy(abs.sun_path, "\0dbus-1", 7);
  auto a = decode("connect", {3, addr(&abs), offsetof(sockaddr_un, sun_path) + 7}, mem, fds);
  EXPECT_EQ(a.arg(1).text, "{sa_family=AF_UNIX, sun_path=@\"dbus-1\"}");
  EXPECT_EQ(a.arg(1).str, "unix:@dbus-1");

  sockaddr_un rel{};
  rel.sun_family = AF_UNIX;
  std::strcpy(rel.sun_path, "sock");
  fds.cwd_ = "/var/run";
  auto r = decode("connect", {3, addr(&rel), sizeof rel}, mem, fds);
  EXPECT_EQ(r.arg(1).str, "unix:/var/run/sock");
}

TEST(Socket, Netlink) {
  SelfMemory mem;
  FakeFds fds;
  sockaddr_nl snl{};
  snl.nl_family = AF_NETLINK;
  auto d = decode("bind", {3, addr(&snl), sizeof snl}, mem, fds);
  EXPECT_EQ(d.arg(1).text, "{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}");
  EXPECT_EQ(d.arg(1).str, "netlink:pid=0");
}

TEST(Socket, AcceptFillsAddressAndLengthAtExit) {
  SelfMemory mem;
  FakeFds fds;
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  auto d = decode("accept4", {3, addr(&ss), addr(&len), SOCK_CLOEXEC}, mem, fds);
  EXPECT_EQ(d.arg(1).kind, ArgKind::Ptr);
  EXPECT_EQ(d.arg(2).text, "[128]");
  EXPECT_EQ(d.arg(3).text, "SOCK_CLOEXEC");
  // The kernel fills in the peer.
  auto* sin = reinterpret_cast<sockaddr_in*>(&ss);
  sin->sin_family = AF_INET;
  sin->sin_port = htons(40000);
  inet_pton(AF_INET, "10.0.0.7", &sin->sin_addr);
  len = sizeof(sockaddr_in);
  fds.names[4] = "socket:[999]";
  finish(d, 4, mem, fds);
  EXPECT_EQ(d.arg(1).str, "10.0.0.7:40000");
  EXPECT_EQ(d.arg(2).text, "[128 => 16]");
  EXPECT_EQ(d.event.ret_ref, "socket:[999]");
}

TEST(Socket, SocketOptions) {
  SelfMemory mem;
  FakeFds fds;
  int one = 1;
  auto d = decode("setsockopt", {3, SOL_SOCKET, SO_REUSEADDR, addr(&one), sizeof one}, mem, fds);
  EXPECT_EQ(d.arg(1).text, "SOL_SOCKET");
  EXPECT_EQ(d.arg(2).text, "SO_REUSEADDR");
  EXPECT_EQ(d.arg(3).text, "[1]");
  auto t = decode("setsockopt", {3, IPPROTO_TCP, TCP_NODELAY, addr(&one), sizeof one}, mem, fds);
  EXPECT_EQ(t.arg(1).text, "SOL_TCP");
  EXPECT_EQ(t.arg(2).text, "TCP_NODELAY");
}

TEST(Socket, SendmsgWithRightsAndRecvfrom) {
  SelfMemory mem;
  FakeFds fds;
  fds.names[7] = "/tmp/shared";
  char payload[] = "ping";
  iovec iov{payload, 4};
  alignas(cmsghdr) unsigned char control[CMSG_SPACE(sizeof(int))] = {};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  cmsghdr* cm = CMSG_FIRSTHDR(&msg);
  cm->cmsg_level = SOL_SOCKET;
  cm->cmsg_type = SCM_RIGHTS;
  cm->cmsg_len = CMSG_LEN(sizeof(int));
  const int passed = 7;
  std::memcpy(CMSG_DATA(cm), &passed, sizeof passed);
  auto d = decode("sendmsg", {3, addr(&msg), MSG_NOSIGNAL}, mem, fds);
  const Arg& m = d.arg(1);
  ASSERT_EQ(m.kind, ArgKind::Buffer);
  EXPECT_EQ(m.data->length, 4u);
  EXPECT_EQ(m.data->hash, StreamHash::of("ping").value());
  EXPECT_NE(m.text.find("cmsg_type=SCM_RIGHTS, cmsg_data=[7</tmp/shared>]"), std::string::npos) << m.text;
  EXPECT_NE(m.text.find("msg_iov=[{iov_base=\"ping\", iov_len=4}]"), std::string::npos) << m.text;
  EXPECT_EQ(d.arg(2).text, "MSG_NOSIGNAL");

  char buf[16] = "pong";
  sockaddr_in from{};
  from.sin_family = AF_INET;
  from.sin_port = htons(53);
  inet_pton(AF_INET, "192.168.1.1", &from.sin_addr);
  socklen_t fromlen = sizeof from;
  auto r = decode("recvfrom", {3, addr(buf), sizeof buf, MSG_DONTWAIT, addr(&from), addr(&fromlen)}, mem, fds);
  finish(r, 4, mem, fds);
  EXPECT_EQ(r.arg(1).data->head, "pong");
  EXPECT_EQ(r.arg(3).text, "MSG_DONTWAIT");
  EXPECT_EQ(r.arg(4).str, "192.168.1.1:53");
}

TEST(Socket, PollAndEpoll) {
  SelfMemory mem;
  FakeFds fds;
  fds.names[4] = "pipe:[5]";
  pollfd pf[2] = {{4, POLLIN, 0}, {9, POLLIN | POLLOUT, 0}};
  auto d = decode("poll", {addr(pf), 2, 1000}, mem, fds);
  EXPECT_EQ(d.arg(0).text, "[{fd=4<pipe:[5]>, events=POLLIN}, {fd=9, events=POLLIN|POLLOUT}]");
  pf[1].revents = POLLOUT;
  finish(d, 1, mem, fds);
  // As strace: the argument as given, what is ready after the return value.
  EXPECT_EQ(d.arg(0).text, "[{fd=4<pipe:[5]>, events=POLLIN}, {fd=9, events=POLLIN|POLLOUT}]");
  EXPECT_EQ(return_text(d.info, d.event), "1 ([{fd=9, revents=POLLOUT}])");

  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLET;
  ev.data.u64 = 4;
  auto c = decode("epoll_ctl", {3, EPOLL_CTL_ADD, 4, addr(&ev)}, mem, fds);
  EXPECT_EQ(c.arg(1).text, "EPOLL_CTL_ADD");
  EXPECT_EQ(c.arg(2).text, "4<pipe:[5]>");
  EXPECT_EQ(c.arg(3).text, "{events=EPOLLIN|EPOLLET, data={u32=4, u64=4}}");

  epoll_event ready[4] = {};
  auto w = decode("epoll_wait", {3, addr(ready), 4, static_cast<std::uint64_t>(-1)}, mem, fds);
  ready[0].events = EPOLLIN;
  ready[0].data.u64 = 4;
  finish(w, 1, mem, fds);
  EXPECT_EQ(w.arg(1).text, "[{events=EPOLLIN, data={u32=4, u64=4}}]");
  EXPECT_EQ(w.arg(3).text, "-1");
}

}  // namespace
}  // namespace golden
