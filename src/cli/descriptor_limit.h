// Raising this process's soft limit on open descriptors to its hard limit (at most 65,536).
// Why: an apply or undo holds one descriptor per folder of a batch, and a batch's flush round
// costs at least a disk-cache flush (core/edit/replace_batch.h); the usual soft limit of 1,024
// would cut the kernel tree's 1,762 folders into 4 batches, the hard limit (often 524,288) lets
// it be one. Nothing here uses select(), whose FD_SETSIZE is what the low soft limit protects.
#pragma once

namespace codescout::cli {

// Best effort: the limits stay as they were when the system refuses.
void raise_descriptor_limit();

}  // namespace codescout::cli
