// codescout-cli: parses the command line, builds the plan, and runs a search or a file listing.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>

#include <unistd.h>

#include "cli/cli_args.h"
#include "cli/error_reporter.h"
#include "cli/exit_status.h"
#include "cli/file_lister.h"
#include "cli/help_text.h"
#include "cli/index_commands.h"
#include "cli/options_builder.h"
#include "cli/output_writer.h"
#include "cli/search_runner.h"
#include "cli/type_list.h"
#include "cli/undo_command.h"
#include "cli/write_command.h"

namespace {

int usage_error(const std::string& message) {
    std::fprintf(stderr, "error: %s\n%s", message.c_str(), codescout::cli::usage_text().c_str());
    return codescout::cli::kExitError;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace codescout::cli;
    const auto started = std::chrono::steady_clock::now();
    // A closed pipe must show up as EPIPE on write, so the search can stop quietly.
    std::signal(SIGPIPE, SIG_IGN);

    // An apply or undo interrupted last time (kill -9, crash, full disk) is settled first.
    codescout::UndoJournal journal(codescout::UndoJournal::default_dir());
    recover_at_startup(journal);

    CliArgs args;
    Plan plan;
    try {
        if (const auto undo = parse_undo_command(argc, argv)) return run_undo_command(*undo, journal);
        args = parse_args(argc, argv);
        if (args.help) {
            std::fputs(help_text().c_str(), stdout);
            return kExitMatch;
        }
        if (args.version) {
            std::fputs(version_text().c_str(), stdout);
            return kExitMatch;
        }
        if (args.type_list) {
            OutputWriter out(STDOUT_FILENO);
            out.write_block(format_type_list(args.type_changes));
            return out.flush() || out.closed() ? kExitMatch : kExitError;
        }
        plan = build_plan(args, detect_terminal());
    } catch (const UsageError& e) {
        return usage_error(e.what());
    } catch (const codescout::FileTypeError& e) {
        std::fprintf(stderr, "%s: %s\n", kProgramName, e.what());
        return kExitError;
    }

    OutputWriter out(STDOUT_FILENO);
    ErrorReporter errors(STDERR_FILENO, plan.output.strip_dot_slash);
    if (plan.output.no_messages) errors.silence_path_errors();
    if (args.index_build) return build_indexes(args.paths, plan, out, errors);
    if (args.index_status) return report_index_status(args.paths, out, errors);
    if (args.index_watch) return watch_index(args.paths, out, errors);
    if (plan.output.mode == codescout::OutputMode::ListFiles) return list_files(plan, out, errors);
    if (plan.write != WriteMode::None) return run_write(plan, journal, out, errors);
    return run_search(plan, out, errors, started);
}
