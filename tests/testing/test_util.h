// Test helpers: status assertions and paths to source-tree test data.
#pragma once

#include <string>

#include "base/status.h"
#include "gtest/gtest.h"

#define ASSERT_OK(expr)                    \
  do {                                     \
    ::myelex::Status _s = (expr);          \
    ASSERT_TRUE(_s.ok()) << _s.ToString(); \
  } while (0)
#define EXPECT_OK(expr)                    \
  do {                                     \
    ::myelex::Status _s = (expr);          \
    EXPECT_TRUE(_s.ok()) << _s.ToString(); \
  } while (0)

namespace myelex {
namespace testing {

// Absolute path of `relative` inside the source tree
// (e.g. SourcePath("lexicons")).
inline std::string SourcePath(const std::string& relative) {
  return std::string(MYELEX_SOURCE_DIR) + "/" + relative;
}

}  // namespace testing
}  // namespace myelex
