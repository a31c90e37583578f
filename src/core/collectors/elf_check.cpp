// ELF header check for plugin candidates (see elf_check.h).
#include "core/collectors/elf_check.h"

#include <elf.h>
#include <fcntl.h>
#include <unistd.h>

#include <link.h>  // ElfW: this process's own ELF class
#include <sys/stat.h>

#include <cstring>
#include <optional>
#include <vector>

namespace codescout::collectors {
namespace {

// The part of the ELF header that is laid out alike in 32- and 64-bit files.
struct ElfIdent {
    unsigned char ident[EI_NIDENT];
    std::uint16_t type;
    std::uint16_t machine;
};

std::optional<ElfIdent> read_ident(const char* path) {
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    ElfIdent header{};
    const ssize_t n = ::read(fd, &header, sizeof header);
    ::close(fd);
    if (n != static_cast<ssize_t>(sizeof header)) return std::nullopt;
    return header;
}

bool has_elf_magic(const ElfIdent& h) { return std::memcmp(h.ident, ELFMAG, SELFMAG) == 0; }

// The running executable's header, read once: what a loadable library must match.
const std::optional<ElfIdent>& own_header() {
    static const std::optional<ElfIdent> header = read_ident("/proc/self/exe");
    return header;
}

// A truncated file (an interrupted copy) has program headers that point past its end; dlopen()
// would map those pages and the process would die of SIGBUS touching them. Checked here instead.
std::string truncation_problem(const char* path) {
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return "cannot be read";
    struct stat st {};
    ElfW(Ehdr) header{};
    std::string problem;
    if (::fstat(fd, &st) != 0 || ::pread(fd, &header, sizeof header, 0) != static_cast<ssize_t>(sizeof header)) {
        problem = "truncated (no complete ELF header)";
    } else if (header.e_phentsize != sizeof(ElfW(Phdr)) || header.e_phnum == 0) {
        problem = "not a loadable library (no program headers)";
    } else {
        const auto size = static_cast<std::uint64_t>(st.st_size);
        std::vector<ElfW(Phdr)> segments(header.e_phnum);
        const auto bytes = static_cast<ssize_t>(segments.size() * sizeof(ElfW(Phdr)));
        if (header.e_phoff + static_cast<std::uint64_t>(bytes) > size ||
            ::pread(fd, segments.data(), static_cast<std::size_t>(bytes), static_cast<off_t>(header.e_phoff)) != bytes) {
            problem = "truncated (program headers past the end of the file)";
        } else {
            for (const ElfW(Phdr)& segment : segments) {
                const std::uint64_t end = segment.p_offset + segment.p_filesz;
                if (segment.p_type == PT_LOAD && end > size) {
                    problem = "truncated (a segment ends at byte " + std::to_string(end) + ", the file has " +
                              std::to_string(size) + ")";
                    break;
                }
            }
        }
    }
    ::close(fd);
    return problem;
}

}  // namespace

std::string elf_problem(const std::filesystem::path& file) {
    const std::optional<ElfIdent> h = read_ident(file.c_str());
    if (!h || !has_elf_magic(*h)) return "not a shared library (no ELF header)";
    const int own_class = sizeof(void*) == 8 ? ELFCLASS64 : ELFCLASS32;
    if (h->ident[EI_CLASS] != own_class) {
        return std::string("built for ") + (h->ident[EI_CLASS] == ELFCLASS64 ? "64" : "32") + "-bit, this process is " +
               (own_class == ELFCLASS64 ? "64" : "32") + "-bit";
    }
    const std::optional<ElfIdent>& own = own_header();
    if (own && has_elf_magic(*own) && h->ident[EI_DATA] != own->ident[EI_DATA]) {
        return "built for another byte order";
    }
    // e_type and e_machine are in the file's byte order, which now equals ours.
    if (h->type != ET_DYN) return "not a shared library (ELF type " + std::to_string(h->type) + ")";
    if (own && has_elf_magic(*own) && h->machine != own->machine) {
        return "built for another architecture (ELF machine " + std::to_string(h->machine) + ", this process has " +
               std::to_string(own->machine) + ")";
    }
    return truncation_problem(file.c_str());
}

}  // namespace codescout::collectors
