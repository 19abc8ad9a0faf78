// Where a subcommand's report goes: standard output, or the file named by --output, written atomically. One helper
// for every subcommand, so that --output behaves the same everywhere.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace tmo_tool {

/// Writes `text` to the file `path` atomically: to a temporary file in the same folder, then renamed over `path`, so
/// a reader never sees half a report and a failed write leaves any earlier file as it was.
/// @return true; or false after printing "tmo: error: cannot write PATH: REASON" on standard error (no temporary
///   file is left behind).
[[nodiscard]] bool write_file_atomically(const std::string& path, std::string_view text);

/// Runs a subcommand's `run` with its report going to `path` (the --output value): when `path` is empty, `run`
/// writes to standard output as usual; otherwise what `run` writes to std::cout is captured and, unless `run`
/// returns exit_bad_input, written to `path` with write_file_atomically (nothing is written for bad input). What
/// `run` writes to standard error is never captured.
/// @return `run`'s exit status; exit_bad_input when the file cannot be written.
[[nodiscard]] int with_output(const std::string& path, const std::function<int()>& run);

/// Makes `run` the callback of subcommand `sub` with its report going where `--output FILE` (added to `sub` here)
/// says, by with_output; the exit status goes to `status`.
void run_with_output(CLI::App& sub, int& status, std::function<int()> run);

}  // namespace tmo_tool
