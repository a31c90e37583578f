// Decoders to UTF-8 on ICU's converters (see decoder.h).
#include "core/encoding/decoder.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include <cerrno>
#include <cstring>

#include <iconv.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

namespace codescout {
namespace {

// The ICU converter for each WHATWG encoding. Where the WHATWG decoder is a superset of the
// similarly named legacy one, the superset's converter: GBK decodes as gb18030, EUC-KR as
// windows-949 (UHC), Big5 as Big5-HKSCS, Shift_JIS as windows-31j; ISO-8859-8-I decodes as
// ISO-8859-8 (the two differ only in how a browser lays out the text).
constexpr std::pair<std::string_view, const char*> kConverters[] = {
    {"UTF-8", "UTF-8"},           {"IBM866", "IBM866"},           {"ISO-8859-2", "ISO-8859-2"},
    {"ISO-8859-3", "ISO-8859-3"}, {"ISO-8859-4", "ISO-8859-4"},   {"ISO-8859-5", "ISO-8859-5"},
    {"ISO-8859-6", "ISO-8859-6"}, {"ISO-8859-7", "ISO-8859-7"},   {"ISO-8859-8", "ISO-8859-8"},
    {"ISO-8859-8-I", "ISO-8859-8"}, {"ISO-8859-10", "ISO-8859-10"}, {"ISO-8859-13", "ISO-8859-13"},
    {"ISO-8859-14", "ISO-8859-14"}, {"ISO-8859-15", "ISO-8859-15"}, {"ISO-8859-16", "ISO-8859-16"},
    {"KOI8-R", "KOI8-R"},         {"KOI8-U", "KOI8-U"},           {"macintosh", "macintosh"},
    {"windows-874", "windows-874"}, {"windows-1250", "windows-1250"}, {"windows-1251", "windows-1251"},
    {"windows-1252", "windows-1252"}, {"windows-1253", "windows-1253"}, {"windows-1254", "windows-1254"},
    {"windows-1255", "windows-1255"}, {"windows-1256", "windows-1256"}, {"windows-1257", "windows-1257"},
    {"windows-1258", "windows-1258"}, {"x-mac-cyrillic", "x-mac-cyrillic"}, {"GBK", "GB18030"},
    {"gb18030", "GB18030"},       {"Big5", "Big5-HKSCS"},         {"EUC-JP", "EUC-JP"},
    {"ISO-2022-JP", "ISO-2022-JP"}, {"Shift_JIS", "windows-31j"}, {"EUC-KR", "windows-949"},
    {"UTF-16BE", "UTF-16BE"},     {"UTF-16LE", "UTF-16LE"},
};

// encoding_rs's rule for every kind of error: one U+FFFD per malformed sequence. (ICU's own
// substitute callback writes U+001A for an unmappable byte of some single-byte code pages.)
void replace_with_fffd(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                       UConverterCallbackReason reason, UErrorCode* error) {
    if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
    static const UChar replacement = 0xFFFD;
    *error = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, error);
}

struct ConverterCloser {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const char* name) {
    UErrorCode error = U_ZERO_ERROR;
    Converter converter(ucnv_open(name, &error));
    if (U_FAILURE(error) || !converter) {
        throw DecoderUnavailable(std::string("ICU has no converter for ") + name + " (" + u_errorName(error) + ")");
    }
    return converter;
}

class IcuDecoder final : public Decoder {
public:
    IcuDecoder(const char* converter_name, std::string_view bom)
        : source_(open_converter(converter_name)), utf8_(open_converter("UTF-8")), bom_(bom) {
        UErrorCode error = U_ZERO_ERROR;
        ucnv_setToUCallBack(source_.get(), replace_with_fffd, nullptr, nullptr, nullptr, &error);
        if (U_FAILURE(error)) throw DecoderUnavailable(std::string("ICU: ") + u_errorName(error));
    }

    DecodeStep decode(std::string_view in, char* out, std::size_t capacity, bool last) override {
        if (in.empty()) in = std::string_view("", 0);  // ICU refuses a null source pointer
        const char* source = in.data();
        char* target = out;
        UErrorCode error = U_ZERO_ERROR;
        // The pivot keeps UTF-16 that did not fit into `out` for the next call.
        ucnv_convertEx(utf8_.get(), source_.get(), &target, out + capacity, &source, in.data() + in.size(), pivot_.data(),
                       &pivot_source_, &pivot_target_, pivot_.data() + pivot_.size(), false, last, &error);
        if (U_FAILURE(error) && error != U_BUFFER_OVERFLOW_ERROR) {
            throw DecoderUnavailable(std::string("ICU conversion failed: ") + u_errorName(error));
        }
        return {static_cast<std::size_t>(source - in.data()), static_cast<std::size_t>(target - out)};
    }

    std::string_view own_bom() const override { return bom_; }

private:
    Converter source_;
    Converter utf8_;
    std::string_view bom_;
    std::array<UChar, 1024> pivot_{};
    UChar* pivot_source_ = pivot_.data();
    UChar* pivot_target_ = pivot_.data();
};

// WHATWG x-user-defined: ASCII as it is, every other byte b as U+F700 + b (3 UTF-8 bytes).
class UserDefinedDecoder final : public Decoder {
public:
    DecodeStep decode(std::string_view in, char* out, std::size_t capacity, bool) override {
        DecodeStep step;
        for (const char c : in) {
            const auto byte = static_cast<unsigned char>(c);
            const std::size_t need = byte < 0x80 ? 1 : 3;
            if (step.produced + need > capacity) break;
            if (byte < 0x80) {
                out[step.produced] = c;
            } else {
                const unsigned code = 0xF700u + byte;
                out[step.produced] = static_cast<char>(0xE0 | (code >> 12));
                out[step.produced + 1] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
                out[step.produced + 2] = static_cast<char>(0x80 | (code & 0x3F));
            }
            step.produced += need;
            ++step.consumed;
        }
        return step;
    }

    std::string_view own_bom() const override { return {}; }
};

// A single-byte encoding through glibc's iconv, for the one WHATWG encoding that Debian's ICU
// data lacks (ISO-8859-16). Single bytes carry no state across blocks; a byte iconv refuses
// becomes U+FFFD.
class IconvSingleByteDecoder final : public Decoder {
public:
    explicit IconvSingleByteDecoder(const char* name) : cd_(::iconv_open("UTF-8", name)) {
        if (cd_ == reinterpret_cast<iconv_t>(-1)) throw DecoderUnavailable(std::string("iconv has no converter for ") + name);
    }
    ~IconvSingleByteDecoder() override { ::iconv_close(cd_); }
    IconvSingleByteDecoder(const IconvSingleByteDecoder&) = delete;
    IconvSingleByteDecoder& operator=(const IconvSingleByteDecoder&) = delete;

    DecodeStep decode(std::string_view in, char* out, std::size_t capacity, bool) override {
        DecodeStep step;
        while (step.consumed < in.size() && capacity - step.produced >= 4) {
            char* source = const_cast<char*>(in.data() + step.consumed);  // iconv's signature, never written
            std::size_t source_left = in.size() - step.consumed;
            char* target = out + step.produced;
            std::size_t target_left = capacity - step.produced;
            const std::size_t result = ::iconv(cd_, &source, &source_left, &target, &target_left);
            step.consumed = in.size() - source_left;
            step.produced = capacity - target_left;
            if (result != static_cast<std::size_t>(-1) || errno == E2BIG) break;
            // EILSEQ/EINVAL on one byte: encoding_rs's U+FFFD, then go on after it.
            std::memcpy(out + step.produced, "\xEF\xBF\xBD", 3);
            step.produced += 3;
            ++step.consumed;
        }
        return step;
    }

    std::string_view own_bom() const override { return {}; }

private:
    iconv_t cd_;
};

}  // namespace

std::unique_ptr<Decoder> make_decoder(std::string_view whatwg_name) {
    if (whatwg_name == "x-user-defined") return std::make_unique<UserDefinedDecoder>();
    if (whatwg_name == "ISO-8859-16") return std::make_unique<IconvSingleByteDecoder>("ISO-8859-16");
    const auto it = std::find_if(std::begin(kConverters), std::end(kConverters),
                                 [&](const auto& entry) { return entry.first == whatwg_name; });
    if (it == std::end(kConverters)) throw DecoderUnavailable("unknown encoding: " + std::string(whatwg_name));
    std::string_view bom;
    if (whatwg_name == "UTF-8") bom = "\xEF\xBB\xBF";
    if (whatwg_name == "UTF-16LE") bom = "\xFF\xFE";
    if (whatwg_name == "UTF-16BE") bom = "\xFE\xFF";
    return std::make_unique<IcuDecoder>(it->second, bom);
}

std::string decode_all(std::string_view bytes, std::string_view whatwg_name) {
    const std::unique_ptr<Decoder> decoder = make_decoder(whatwg_name);
    std::string text;
    std::array<char, 16384> chunk{};
    for (;;) {
        const DecodeStep step = decoder->decode(bytes, chunk.data(), chunk.size(), true);
        text.append(chunk.data(), step.produced);
        bytes.remove_prefix(step.consumed);
        if (bytes.empty() && step.produced < chunk.size()) return text;
    }
}

}  // namespace codescout
