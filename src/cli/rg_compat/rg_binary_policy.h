// ripgrep 14's rules for NUL bytes ("binary data"), as a BinaryPolicy that only the CLI uses, so
// that its output stays byte-identical to rg's (tests/cli/test_cli_differential.cpp). rg decides
// by how it happens to read a file, so these rules replay its reading (rg_fill_model.h):
// - a walked file (Quit): rg stops at the read (of its 64 KiB buffer) that brings the first NUL;
//   the matches before it are reported with a warning, a file without any is skipped as binary;
// - files named explicitly that rg memory-maps (at most 10 paths, all regular files:
//   ConvertSlice) are searched through as text; rg notices a NUL in the first 64 KiB or inside a
//   line it prints, and prints the lines before it, then "binary file matches";
// - other named inputs, which rg reads as streams (stdin, FIFOs, devices, files among more than
//   10 paths or next to a directory: ConvertStream): every NUL is read as a line end.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "core/search/binary_policy.h"
#include "core/search/search_options.h"

namespace codescout {

enum class RgBinaryMode { Quit, ConvertSlice, ConvertStream };

// How rg reads the inputs named explicitly, by their number and kind ("-" is standard input).
RgBinaryMode rg_named_input_mode(const std::vector<std::filesystem::path>& roots);

// -a/--text (and --null-data, -uuu): rg detects no binary data at all; NULs are ordinary bytes.
std::shared_ptr<const BinaryPolicy> rg_text_policy();

class RgBinaryPolicy final : public BinaryPolicy {
public:
    // Walked files: Quit; standard input: ConvertStream; other named inputs: `named_mode`.
    // `json`: the output is rg's JSON printer, which (unlike the standard printer) goes on
    // printing a named file's lines after a NUL in a multi-line search.
    RgBinaryPolicy(RgBinaryMode named_mode, const ReportOptions& report, bool json = false);
    std::unique_ptr<BinaryCheck> check_for(const InputSpec& input) const override;

private:
    RgBinaryMode named_mode_;
    ReportOptions report_;
    bool json_ = false;
};

}  // namespace codescout
