// --type-list output (see type_list.h).
#include "cli/type_list.h"

namespace codescout::cli {

std::string format_type_list(const std::vector<FileTypeChange>& changes) {
    FileTypeTable table = FileTypeTable::defaults();
    for (const FileTypeChange& change : changes) {
        if (change.kind == FileTypeChange::Kind::Add) table.add_definition(change.text);
        if (change.kind == FileTypeChange::Kind::Clear) table.clear(change.text);
    }
    std::string out;
    for (const FileTypeDef& def : table.definitions()) {
        out.append(def.name).append(": ");
        for (std::size_t i = 0; i < def.globs.size(); ++i) {
            if (i > 0) out.append(", ");
            out.append(def.globs[i]);
        }
        out.push_back('\n');
    }
    return out;
}

}  // namespace codescout::cli
