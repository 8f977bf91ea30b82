// Status: the result of an operation that can fail (loading, compiling, I/O).
//
// Shaped like leveldb's Status: a cheap OK value, factory functions taking a
// two-part message used as "where: what", and ToString() for the CLI. The
// library never throws; fallible functions return Status and write results
// through out-parameters.
//
// Thread-safety: a Status is a plain value; const methods are safe to call
// concurrently.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace myelex {

class Status {
 public:
  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string_view msg,
                                std::string_view msg2 = {}) {
    return Status(Code::kInvalidArgument, msg, msg2);
  }
  static Status NotFound(std::string_view msg, std::string_view msg2 = {}) {
    return Status(Code::kNotFound, msg, msg2);
  }
  static Status IOError(std::string_view msg, std::string_view msg2 = {}) {
    return Status(Code::kIOError, msg, msg2);
  }
  static Status Internal(std::string_view msg, std::string_view msg2 = {}) {
    return Status(Code::kInternal, msg, msg2);
  }

  bool ok() const { return code_ == Code::kOk; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsIOError() const { return code_ == Code::kIOError; }
  bool IsInternal() const { return code_ == Code::kInternal; }

  // The message without the code prefix ("file:line: what"), or "" if OK.
  const std::string& message() const { return message_; }

  // "OK", or e.g. "Invalid argument: lexicons/modifiers.tsv:42: unknown
  // direction 'fwd'".
  std::string ToString() const;

 private:
  enum class Code { kOk, kInvalidArgument, kNotFound, kIOError, kInternal };

  Status(Code code, std::string_view msg, std::string_view msg2);

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace myelex

// Evaluates `expr` (a Status); returns it from the current function if not OK.
#define MYELEX_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::myelex::Status _myelex_status = (expr);        \
    if (!_myelex_status.ok()) return _myelex_status; \
  } while (0)
