// The command-line parser (see cli_args.h): GNU-style flags from flag_table(), "--opt=value" and
// "--opt value", combined short flags ("-iw", "-A3", "-iA 3"), and "--" to end the options.
#include "cli/cli_args.h"

#include <string_view>

#include "cli/flag_table.h"

namespace codescout::cli {
namespace {

const FlagSpec* find_short(char name) {
    for (const FlagSpec& spec : flag_table()) {
        if (spec.short_name == name) return &spec;
    }
    return nullptr;
}

const FlagSpec* find_long(std::string_view name) {
    for (const FlagSpec& spec : flag_table()) {
        if (spec.long_name == name) return &spec;
    }
    return nullptr;
}

class Parser {
public:
    explicit Parser(const std::vector<std::string>& args) : args_(args) {}

    CliArgs run() {
        std::vector<std::string> positionals;
        bool options_ended = false;
        for (index_ = 0; index_ < args_.size(); ++index_) {
            const std::string& arg = args_[index_];
            if (options_ended || arg.size() < 2 || arg[0] != '-') {
                positionals.push_back(arg);  // includes a lone "-"
            } else if (arg == "--") {
                options_ended = true;
            } else if (arg[1] == '-') {
                parse_long(std::string_view(arg).substr(2));
            } else {
                parse_short_cluster(std::string_view(arg).substr(1));
            }
        }
        assign_positionals(std::move(positionals));
        return std::move(result_);
    }

private:
    void parse_long(std::string_view body) {
        const std::size_t equals = body.find('=');
        const std::string_view name = body.substr(0, equals);
        const std::string flag = "--" + std::string(name);
        const FlagSpec* spec = find_long(name);
        if (spec == nullptr) throw UsageError("unrecognized flag " + flag);
        if (spec->value_name.empty()) {
            if (equals != std::string_view::npos) throw UsageError("flag " + flag + " takes no value");
            spec->apply(result_, {}, flag);
        } else if (equals != std::string_view::npos) {
            spec->apply(result_, body.substr(equals + 1), flag);
        } else {
            spec->apply(result_, next_value(flag, spec->value_name), flag);
        }
    }

    // "-iw": two flags; "-A3" / "-ePATTERN": the rest of the word is the value; "-A" alone takes
    // the next word.
    void parse_short_cluster(std::string_view cluster) {
        for (std::size_t i = 0; i < cluster.size(); ++i) {
            const std::string flag = std::string("-") + cluster[i];
            const FlagSpec* spec = find_short(cluster[i]);
            if (spec == nullptr) throw UsageError("unrecognized flag " + flag);
            if (spec->value_name.empty()) {
                spec->apply(result_, {}, flag);
                continue;
            }
            const std::string_view rest = cluster.substr(i + 1);
            spec->apply(result_, rest.empty() ? next_value(flag, spec->value_name) : rest, flag);
            return;
        }
    }

    std::string_view next_value(const std::string& flag, std::string_view value_name) {
        if (index_ + 1 >= args_.size()) {
            throw UsageError("missing value for flag " + flag + " (expected " + std::string(value_name) + ")");
        }
        return args_[++index_];
    }

    // --files and --index-build/--index-status/--index-watch take no pattern; with -e every
    // positional is a path; otherwise the first is the pattern.
    void assign_positionals(std::vector<std::string> positionals) {
        if (result_.help || result_.version) return;
        if (result_.type_list) return;  // lists the types whatever else was given, as rg does
        if (result_.list_files || result_.index_build || result_.index_status || result_.index_watch ||
            !result_.patterns.empty()) {
            result_.paths = std::move(positionals);
            return;
        }
        if (positionals.empty()) throw UsageError("no pattern given");
        result_.patterns.push_back(std::move(positionals.front()));
        result_.paths.assign(std::make_move_iterator(positionals.begin() + 1),
                             std::make_move_iterator(positionals.end()));
    }

    const std::vector<std::string>& args_;
    std::size_t index_ = 0;
    CliArgs result_;
};

}  // namespace

CliArgs parse_args(const std::vector<std::string>& args) { return Parser(args).run(); }

CliArgs parse_args(int argc, const char* const* argv) {
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    return parse_args(args);
}

}  // namespace codescout::cli
