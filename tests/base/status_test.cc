#include "base/status.h"

#include "gtest/gtest.h"

namespace myelex {
namespace {

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(Status, InvalidArgumentJoinsWhereAndWhat) {
  Status s = Status::InvalidArgument("lexicons/modifiers.tsv:42",
                                     "unknown direction 'fwd'");
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_EQ(s.ToString(),
            "Invalid argument: lexicons/modifiers.tsv:42: unknown direction "
            "'fwd'");
}

Status FailsThenNeverReached(bool* reached) {
  MYELEX_RETURN_IF_ERROR(Status::NotFound("x"));
  *reached = true;
  return Status::OK();
}

TEST(Status, ReturnIfErrorReturnsEarly) {
  bool reached = false;
  Status s = FailsThenNeverReached(&reached);
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_FALSE(reached);
}

}  // namespace
}  // namespace myelex
