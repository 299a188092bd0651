// golden::testing as a user's GoogleTest program links it from the installed package.
#include <golden/testing.hpp>

using namespace golden::testing;
using ::testing::AllOf;
using ::testing::HasSubstr;

TEST(Greet, GreetsWithTheInstalledPreloadLibrary) {
  CaptureOptions options;
  options.track_alloc = true;
  Trace trace = capture({GREET_EXE, "world"}, options);
  EXPECT_THAT(trace, AllOf(WritesToStdout(HasSubstr("hello, world!")), ExitsWith(0),
                           NeverConnects(), Opens(ALLOC_LIB)));
}
