// Replacing one file's content atomically: the new bytes go to a temporary file in the same
// folder (created O_EXCL, never following a link), get the old file's owner, permissions,
// extended attributes and ACLs, are fsynced, and are renamed over the old name, after which the
// folder is fsynced. Right before the rename the old name is checked to still be the very file
// that was read (device, inode, size, mtime, ctime): a save by an editor in the meantime makes
// this file a skip, not a lost edit. Readers, and a crash at any point, see the old file or the
// new one, never a mix; a failure leaves the old file as it was and removes the temporary one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <time.h>

#include "core/edit/confined_path.h"
#include "core/edit/edit_steps.h"
#include "core/edit/skip_reason.h"

namespace codescout {

struct ReplaceRequest {
    const ConfinedFile* file = nullptr;  // opened by open_confined(), read by the caller
    std::string temp_name;               // in the file's folder; recorded in the journal first
    std::string_view content;
    const struct timespec* times = nullptr;  // {atime, mtime} to give the new file (undo), or null
};

struct ReplaceResult {
    std::optional<Skip> skip;  // set: nothing changed
    bool owner_kept = true;
};

ReplaceResult replace_atomically(const ReplaceRequest& request, const StepHook& hook);

// The temporary name for `name` in an apply: hidden, tagged, unique per journal entry and file.
std::string temp_name_for(const std::string& name, const std::string& entry_id, std::size_t index, std::string_view purpose);

}  // namespace codescout
