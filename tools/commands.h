// The myelex subcommands. Each takes the arguments after its name
// (argv[0] is the subcommand name) and returns the process exit code:
// 0 success, 1 runtime or data error, 2 usage error (contract section 1).
#pragma once

namespace myelex {
namespace cli {

int RunScan(int argc, char** argv);          // tools/scan.cc
int RunExplain(int argc, char** argv);       // tools/scan.cc (one report)
int RunAssert(int argc, char** argv);        // tools/assert_cmd.cc
int RunEval(int argc, char** argv);          // tools/eval.cc
int RunLexiconCheck(int argc, char** argv);  // tools/scan.cc

// The lexicon directory used when --lexicons is not given: $MYELEX_LEXICONS,
// else the source tree's lexicons/ (compiled in), else "lexicons".
const char* DefaultLexiconDir();

}  // namespace cli
}  // namespace myelex
