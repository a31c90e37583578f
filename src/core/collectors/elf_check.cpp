// ELF header check for plugin candidates (see elf_check.h).
#include "core/collectors/elf_check.h"

#include <elf.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <optional>

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
    return {};
}

}  // namespace codescout::collectors
