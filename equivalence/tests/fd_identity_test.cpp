// Which stream an fd is comes from the recorder (Arg::ofd, Event::ret_ofds), not from
// replaying dup/close/fork: where the two differ, the recorded identity wins; traces
// without identities (recorded before them) still get them by replay (fd_id_replay).
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fd_id_replay.hpp"
#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/normalized.hpp"
#include "test_util.hpp"
#include "golden/test_support/trace_builder.hpp"

namespace golden {
namespace {

using test::lines_of;
using test::TraceBuilder;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

void set_ofd(Trace& t, Seq seq, std::string_view arg, std::uint32_t ofd) {
  for (Arg& a : t.events[seq].args)
    if (a.name == arg) a.ofd = ofd;
}

// A child made with clone(CLONE_FILES) shares its parent's fd table: its dup2 onto fd 1
// redirects the parent too. Replaying fork rules cannot know (the flag is not in every
// decoding, and a replay copies the table); the recorder's tables do.
struct SharedTable {
  Trace trace;
  SharedTable() {
    TraceBuilder b(100, "/w");
    const auto child = b.fork(100);
    const Seq open = b.open(child, "/w/out.txt", O_WRONLY | O_CREAT | O_TRUNC, 3, 0644);
    const Seq dup = b.dup2(child, 3, 1);
    b.exit(child);
    b.wait(100, child);
    const Seq write = b.write(100, 1, "x\n");
    b.exit(100);
    trace = b.build();
    Trace& t = trace;
    t.events[open].ret_ofds = {4};
    set_ofd(t, dup, "oldfd", 4);
    set_ofd(t, dup, "newfd", 2);
    t.events[dup].ret_ofds = {4};
    set_ofd(t, write, "fd", 4);
  }
};

TEST(FdIdentity, RecordedIdentityDecidesTheStream) {
  SharedTable s;
  s.trace.run.fd_ids = true;
  auto n = normalize(s.trace, {});
  EXPECT_THAT(lines_of(n, "stdout"), IsEmpty());
  EXPECT_THAT(lines_of(n, "file $CWD/out.txt"), ElementsAre("file, mode 0644", "\"x\\n\""));
}

TEST(FdIdentity, TracesWithoutIdentitiesAreReplayed) {
  // The same calls as recorded before identities: the replay's fork copies the table.
  SharedTable s;
  auto n = normalize(s.trace, {});
  EXPECT_THAT(lines_of(n, "stdout"), ElementsAre("\"x\\n\""));
}

TEST(FdIdentity, AnFdReopenedByPathIsTheStreamItNames) {
  // open("/dev/stdout") while fd 1 is stderr (1>&2): the recorder numbers the path by
  // fd 1's description; the new fd writes to stderr.
  TraceBuilder b(100, "/w");
  const Seq dup = b.dup2(100, 2, 1);
  const Seq open = b.open(100, "/dev/stdout", O_WRONLY, 4);
  const Seq write = b.write(100, 4, "via /dev/stdout\n");
  b.exit(100);
  Trace t = b.build();
  t.run.fd_ids = true;
  set_ofd(t, dup, "oldfd", 3);
  set_ofd(t, dup, "newfd", 2);
  t.events[dup].ret_ofds = {3};
  set_ofd(t, open, "pathname", 3);
  t.events[open].ret_ofds = {4};
  set_ofd(t, write, "fd", 4);
  auto n = normalize(t, {});
  EXPECT_THAT(lines_of(n, "stderr"), ElementsAre("\"via /dev/stdout\\n\""));
  EXPECT_THAT(lines_of(n, "stdout"), IsEmpty());
}

TEST(FdIdentity, ReplayNumbersLikeTheRecorder) {
  // pipe, dup2 onto stdout in a forked child, close, fd reuse: what replay_fd_ids writes.
  TraceBuilder b(100, "/w");
  const Seq pipe = b.pipe(100, 3, 4);
  const auto child = b.fork(100);
  const Seq dup = b.dup2(child, 4, 1);
  const Seq in_child = b.write(child, 1, "a\n");
  b.exit(child);
  b.wait(100, child);
  const Seq first = b.open(100, "/w/one", O_RDONLY, 5);
  b.close(100, 5);
  const Seq second = b.open(100, "/w/two", O_RDONLY, 5);
  const Seq out = b.write(100, 1, "b\n");
  b.exit(100);
  Trace t = b.build();
  eqv::replay_fd_ids(t, {});
  EXPECT_TRUE(t.run.fd_ids);
  ASSERT_EQ(t.events[pipe].ret_ofds.size(), 2u);
  const std::uint32_t w = t.events[pipe].ret_ofds[1];
  EXPECT_EQ(t.events[dup].ret_ofds, std::vector<std::uint32_t>{w});
  EXPECT_EQ(t.events[in_child].args[0].ofd, w);
  ASSERT_EQ(t.events[first].ret_ofds.size(), 1u);
  ASSERT_EQ(t.events[second].ret_ofds.size(), 1u);
  EXPECT_NE(t.events[first].ret_ofds[0], t.events[second].ret_ofds[0]);
  EXPECT_EQ(t.events[out].args[0].ofd, 2u);  // the parent's stdout is still the run's
}

}  // namespace
}  // namespace golden
