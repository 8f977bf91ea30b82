// myelex: the command-line tool. Dispatches to the subcommands in
// commands.h and turns Boost.Program_options errors into usage errors
// (exit 2); everything else is the subcommands' business.
#include <boost/program_options/errors.hpp>
#include <cstring>
#include <iostream>

#include "commands.h"

#ifndef MYELEX_VERSION
#define MYELEX_VERSION "0.1.0"
#endif

namespace {

void PrintUsage(std::ostream& out) {
  out << "usage: myelex <command> [OPTIONS] [ARGS]\n"
         "\n"
         "Reads free-text cervical-spine MRI/CT reports and flags the ones "
         "equivocal\n"
         "for myelopathy, with the next imaging step the guideline "
         "recommends.\n"
         "\n"
         "commands:\n"
         "  scan [INPUT...]           analyze reports (files, directories, "
         "archives,\n"
         "                            JSONL, CSV or standard input); one "
         "output\n"
         "                            record per report\n"
         "  explain FILE              show one report with its findings, "
         "cues and\n"
         "                            the decision, for a person\n"
         "  assert [INPUT]            ConText assertions for caller-supplied "
         "targets\n"
         "  eval --gold FILE [--json] score the analyzer against a gold "
         "file\n"
         "  lexicon check [DIR]       validate lexicon files\n"
         "\n"
         "  myelex <command> --help   options of a command\n"
         "  myelex --version          print the version\n"
         "\n"
         "Exit status: 0 success, 1 runtime or data error, 2 usage error.\n";
}

int Dispatch(const char* command, int argc, char** argv) {
  using namespace myelex::cli;
  if (std::strcmp(command, "scan") == 0) return RunScan(argc, argv);
  if (std::strcmp(command, "explain") == 0) return RunExplain(argc, argv);
  if (std::strcmp(command, "assert") == 0) return RunAssert(argc, argv);
  if (std::strcmp(command, "eval") == 0) return RunEval(argc, argv);
  if (std::strcmp(command, "lexicon") == 0) {
    if (argc >= 2 && std::strcmp(argv[1], "check") == 0) {
      return RunLexiconCheck(argc - 1, argv + 1);
    }
    std::cerr << "myelex lexicon: expected 'check'\n"
                 "usage: myelex lexicon check [DIR]\n";
    return 2;
  }
  std::cerr << "myelex: unknown command '" << command << "'\n\n";
  PrintUsage(std::cerr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(std::cerr);
    return 2;
  }
  const char* command = argv[1];
  if (std::strcmp(command, "--help") == 0 || std::strcmp(command, "-h") == 0 ||
      std::strcmp(command, "help") == 0) {
    PrintUsage(std::cout);
    return 0;
  }
  if (std::strcmp(command, "--version") == 0) {
    std::cout << "myelex " << MYELEX_VERSION << "\n";
    return 0;
  }
  try {
    return Dispatch(command, argc - 1, argv + 1);
  } catch (const boost::program_options::error& e) {
    std::cerr << "myelex " << command << ": " << e.what() << "\n"
              << "Try 'myelex " << command << " --help'.\n";
    return 2;
  }
}
