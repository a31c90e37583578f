// Streaming decoders from a WHATWG encoding to UTF-8, as encoding_rs decodes for ripgrep: every
// malformed or unmappable sequence becomes one U+FFFD, and a sequence cut at the end of the
// input is completed by the next call (so blocks may end anywhere, even inside a character).
// Built on ICU's converters (ucnv_convertEx through a UTF-16 pivot), except x-user-defined,
// which is arithmetic (bytes 0x80-0xFF are U+F780-U+F7FF), and ISO-8859-16, which Debian's ICU
// data lacks (glibc's iconv has it). One decoder per file, one thread.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace codescout {

struct DecodeStep {
    std::size_t consumed = 0;  // input bytes taken (an incomplete sequence at the end is taken and kept)
    std::size_t produced = 0;  // UTF-8 bytes written
};

class Decoder {
public:
    virtual ~Decoder() = default;
    // Decodes from `in` into out[0, capacity). `last`: no input follows `in`, so a sequence still
    // incomplete at its end is malformed (U+FFFD). Call again with what was not consumed, or with
    // an empty `in` and `last` until nothing is produced, when the output was full.
    virtual DecodeStep decode(std::string_view in, char* out, std::size_t capacity, bool last) = 0;
    // The byte order mark of this decoder's own encoding (UTF-8, UTF-16LE/BE), empty for the
    // others: encoding_rs's decoders "with BOM removal" drop it at the start of their input.
    virtual std::string_view own_bom() const = 0;
};

// ICU lacks a converter (a broken ICU installation: the unit tests open every one).
class DecoderUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A decoder for a WHATWG encoding name (encoding_for_label()); throws DecoderUnavailable.
std::unique_ptr<Decoder> make_decoder(std::string_view whatwg_name);

// Decodes a whole buffer (the GUI's preview): `bytes` from its first byte, BOM handling is the
// caller's (decoding_plan.h).
std::string decode_all(std::string_view bytes, std::string_view whatwg_name);

}  // namespace codescout
