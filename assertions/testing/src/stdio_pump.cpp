#include "stdio_pump.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "golden/testing/trace.hpp"

namespace golden::testing::detail {
namespace {

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// How long the pump keeps reading after the program ended, for processes it left
// behind that still hold the pipes.
constexpr auto kGrace = std::chrono::seconds(2);

}  // namespace

StdioPump::StdioPump(std::optional<std::string> stdin_bytes) {
  int fds[2];
  auto make_pipe = [&] {
    if (::pipe2(fds, O_CLOEXEC) != 0)
      throw TraceError(std::string("capture: cannot make a pipe: ") + std::strerror(errno));
  };
  if (stdin_bytes) {
    make_pipe();
    child_[0] = fds[0];
    ours_[0] = fds[1];
    input_ = std::move(*stdin_bytes);
    ::fcntl(ours_[0], F_SETFL, O_NONBLOCK);
  } else {
    child_[0] = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (child_[0] < 0)
      throw TraceError(std::string("capture: cannot open /dev/null: ") + std::strerror(errno));
  }
  for (int i : {1, 2}) {
    make_pipe();
    ours_[i] = fds[0];
    child_[i] = fds[1];
  }
  make_pipe();
  wake_[0] = fds[0];
  wake_[1] = fds[1];
  if (input_.empty()) close_fd(ours_[0]);  // EOF at once
  thread_ = std::thread([this] { run(); });
}

StdioPump::~StdioPump() {
  if (thread_.joinable()) (void)finish();
  for (int* fd : {&child_[0], &child_[1], &child_[2], &ours_[0], &ours_[1], &ours_[2], &wake_[0]})
    close_fd(*fd);
}

void StdioPump::run() {
  // A program that exits without reading all its input: the write fails with EPIPE
  // instead of killing the test with SIGPIPE.
  sigset_t pipe_signal;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
  std::optional<std::chrono::steady_clock::time_point> deadline;
  char buf[65536];
  while (ours_[1] >= 0 || ours_[2] >= 0) {
    pollfd fds[4];
    nfds_t n = 0;
    auto add = [&](int fd, short events) { fds[n++] = pollfd{fd, events, 0}; };
    if (ours_[0] >= 0) add(ours_[0], POLLOUT);
    if (ours_[1] >= 0) add(ours_[1], POLLIN);
    if (ours_[2] >= 0) add(ours_[2], POLLIN);
    if (wake_[0] >= 0) add(wake_[0], POLLIN);
    int timeout = -1;
    if (deadline) {
      const auto left = *deadline - std::chrono::steady_clock::now();
      if (left <= std::chrono::steady_clock::duration::zero()) break;
      timeout = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(left).count()) + 1;
    }
    if (::poll(fds, n, timeout) < 0 && errno != EINTR) break;
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      const int fd = fds[i].fd;
      if (fd == wake_[0]) {
        close_fd(wake_[0]);
        deadline = std::chrono::steady_clock::now() + kGrace;
      } else if (fd == ours_[0]) {
        const ssize_t w = ::write(fd, input_.data() + written_, input_.size() - written_);
        if (w > 0) written_ += static_cast<std::size_t>(w);
        if ((w < 0 && errno != EAGAIN && errno != EINTR) || written_ == input_.size())
          close_fd(ours_[0]);
      } else {
        const ssize_t r = ::read(fd, buf, sizeof buf);
        if (r > 0) {
          (fd == ours_[1] ? out_ : err_).append(buf, static_cast<std::size_t>(r));
        } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
          close_fd(fd == ours_[1] ? ours_[1] : ours_[2]);
        }
      }
    }
  }
}

std::pair<std::string, std::string> StdioPump::finish() {
  for (int* fd : {&child_[0], &child_[1], &child_[2]}) close_fd(*fd);
  if (wake_[1] >= 0) {
    (void)!::write(wake_[1], "x", 1);
    close_fd(wake_[1]);
  }
  if (thread_.joinable()) thread_.join();
  return {std::move(out_), std::move(err_)};
}

}  // namespace golden::testing::detail
