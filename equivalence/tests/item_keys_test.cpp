#include <gtest/gtest.h>

#include <string>

#include "golden/equivalence/normalized.hpp"

namespace golden {
namespace {

// "\x01$PID2\x1f8503\x02": 8503 templated as $PID2, its value kept.
std::string mark(const std::string& name, const std::string& digits) {
  return std::string(1, kMarkBegin) + name + kMarkSep + digits + kMarkEnd;
}

TEST(ItemKeys, MarkedNumbersMatchByTemplateOrByValue) {
  const std::string a = "worker " + mark("$PID2", "8503") + " done";
  EXPECT_TRUE(keys_match(a, a));
  EXPECT_TRUE(keys_match(a, "worker " + mark("$PID2", "1234") + " done"));  // same template
  EXPECT_TRUE(keys_match(a, "worker 8503 done"));                           // same value
  EXPECT_TRUE(keys_match("worker 8503 done", a));
  EXPECT_TRUE(keys_match(a, "worker " + mark("$PORT1", "8503") + " done"));  // same value
  EXPECT_FALSE(keys_match(a, "worker " + mark("$PID3", "1234") + " done"));
  EXPECT_FALSE(keys_match(a, "worker 1234 done"));
  EXPECT_FALSE(keys_match(a, "worker " + mark("$PID2", "1234") + " gone"));
  EXPECT_FALSE(keys_match(a, "worker " + mark("$PID2", "1234")));
  EXPECT_FALSE(keys_match(a, "worker"));
  EXPECT_FALSE(keys_match("worker x", a));
  EXPECT_TRUE(keys_match("plain 12 text", "plain 12 text"));
  EXPECT_FALSE(keys_match("plain 12 text", "plain 13 text"));
  // Several marks, text of different lengths between them.
  const std::string two = mark("$PID1", "10") + "/a/" + mark("$PID2", "11") + "/bc";
  EXPECT_TRUE(keys_match(two, mark("$PID1", "70") + "/a/" + mark("$PID2", "71") + "/bc"));
  EXPECT_FALSE(keys_match(two, mark("$PID1", "70") + "/ab/" + mark("$PID2", "71") + "/bc"));
  EXPECT_FALSE(keys_match(two, mark("$PID1", "70") + "/a/" + mark("$PID2", "71") + "/b"));
}

TEST(ItemKeys, DisplayShowsTemplateNames) {
  EXPECT_EQ(display_key("no marks"), "no marks");
  EXPECT_EQ(display_key(""), "");
  EXPECT_EQ(display_key("kill " + mark("$PID2", "8503") + " and " + mark("$PORT1", "49189")),
            "kill $PID2 and $PORT1");
  EXPECT_EQ(display_key(mark("$PID1", "5")), "$PID1");
  // A malformed mark is shown as it is.
  const std::string broken = std::string("x") + kMarkBegin + "$PID1";
  EXPECT_EQ(display_key(broken), broken);
}

TEST(ItemKeys, ShapeHashIsConsistentWithMatching) {
  const std::string a = "worker " + mark("$PID2", "8503") + " wrote 7 lines";
  EXPECT_EQ(key_shape_hash(a), key_shape_hash("worker " + mark("$PID2", "1234") + " wrote 7 lines"));
  EXPECT_EQ(key_shape_hash(a), key_shape_hash("worker 8503 wrote 7 lines"));
  EXPECT_NE(key_shape_hash(a), key_shape_hash("worker 8503 wrote 7 line"));
}

}  // namespace
}  // namespace golden
