#include "data/png_encoder.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <stdexcept>
#include <thread>
#include <vector>

namespace storyplot {

namespace {

void put32(std::string& out, std::uint32_t v) {
    const char bytes[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
    out.append(bytes, 4);
}

void chunk(std::string& out, const char* type, const std::string& data) {
    put32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = out.size();
    out.append(type, 4);
    out += data;
    const auto* bytes = reinterpret_cast<const Bytef*>(out.data() + start);
    put32(out, static_cast<std::uint32_t>(crc32(0, bytes, static_cast<uInt>(out.size() - start))));
}

// Rows [first, last) filtered (a filter byte, then the row by Sub or Up, whichever leaves more zeros)
// and deflated as they are filtered, a few rows at a time: memory is a few rows and the output,
// whatever the image's size. The last strip ends the stream; the others end on a byte boundary.
struct Strip {
    std::string deflated;
    std::uint32_t adler = 1;
    std::size_t length = 0;  // filtered bytes
};

Strip deflate_rows(const Image& image, int channels, int first, int last) {
    const std::size_t width = static_cast<std::size_t>(image.width);
    const std::size_t row_bytes = width * static_cast<std::size_t>(channels);
    const std::size_t step = static_cast<std::size_t>(channels);
    std::vector<unsigned char> row(row_bytes), above(row_bytes, 0), sub(row_bytes), up(row_bytes);
    auto gather = [&](int y, std::vector<unsigned char>& into) {
        const unsigned char* src = image.rgba.data() + static_cast<std::size_t>(y) * width * 4;
        if (channels == 4) {
            std::copy(src, src + row_bytes, into.begin());
        } else {
            for (std::size_t x = 0; x < width; ++x) {
                into[3 * x] = src[4 * x];
                into[3 * x + 1] = src[4 * x + 1];
                into[3 * x + 2] = src[4 * x + 2];
            }
        }
    };
    if (first > 0) gather(first - 1, above);

    Strip strip;
    z_stream z{};
    if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_RLE) != Z_OK) throw std::runtime_error("zlib: cannot start deflate");
    std::vector<unsigned char> batch;  // filtered rows waiting for deflate
    constexpr std::size_t batch_bytes = 1 << 20;
    std::vector<unsigned char> out(1 << 18);
    auto feed = [&](int flush) {
        strip.adler = static_cast<std::uint32_t>(adler32(strip.adler, batch.data(), static_cast<uInt>(batch.size())));
        strip.length += batch.size();
        z.next_in = batch.data();
        z.avail_in = static_cast<uInt>(batch.size());
        int status = Z_OK;
        do {
            z.next_out = out.data();
            z.avail_out = static_cast<uInt>(out.size());
            status = deflate(&z, flush);
            if (status == Z_STREAM_ERROR) break;
            strip.deflated.append(reinterpret_cast<const char*>(out.data()), out.size() - z.avail_out);
        } while (z.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
        batch.clear();
        return status != Z_STREAM_ERROR && z.avail_in == 0;
    };
    bool ok = true;
    for (int y = first; y < last && ok; ++y) {
        gather(y, row);
        std::size_t sub_zeros = 0, up_zeros = 0;
        for (std::size_t i = 0; i < row_bytes; ++i) {
            sub[i] = static_cast<unsigned char>(row[i] - (i >= step ? row[i - step] : 0));
            up[i] = static_cast<unsigned char>(row[i] - above[i]);
            sub_zeros += sub[i] == 0;
            up_zeros += up[i] == 0;
        }
        const bool use_up = y > 0 && up_zeros > sub_zeros;
        batch.push_back(use_up ? 2 : 1);
        const auto& chosen = use_up ? up : sub;
        batch.insert(batch.end(), chosen.begin(), chosen.end());
        std::swap(row, above);
        if (batch.size() >= batch_bytes) ok = feed(Z_NO_FLUSH);
    }
    ok = ok && feed(last == image.height ? Z_FINISH : Z_SYNC_FLUSH);
    deflateEnd(&z);
    if (!ok) throw std::runtime_error("zlib: deflate failed");
    return strip;
}

}  // namespace

std::string encode_png(const Image& image) {
    if (image.width <= 0 || image.height <= 0) throw std::runtime_error("an image of no pixels");
    bool opaque = true;
    for (std::size_t i = 3; i < image.rgba.size() && opaque; i += 4) opaque = image.rgba[i] == 255;
    const int channels = opaque ? 3 : 4;

    // Strips of at least 64 rows, one per core; each filtered and deflated on its own thread.
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int strips = std::clamp(image.height / 64, 1, cores);
    std::vector<Strip> done(static_cast<std::size_t>(strips));
    std::vector<std::exception_ptr> failed(static_cast<std::size_t>(strips));
    auto work = [&](int s) {
        const int first = image.height * s / strips, last = image.height * (s + 1) / strips;
        try {
            done[static_cast<std::size_t>(s)] = deflate_rows(image, channels, first, last);
        } catch (...) {
            failed[static_cast<std::size_t>(s)] = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> threads;
        for (int s = 1; s < strips; ++s) threads.emplace_back(work, s);
        work(0);
    }
    for (const auto& e : failed)
        if (e) std::rethrow_exception(e);

    std::string data = "\x78\x01";  // zlib header: deflate, 32 KB window, fastest
    std::uint32_t adler = 1;
    for (const Strip& s : done) {
        data += s.deflated;
        adler = static_cast<std::uint32_t>(adler32_combine(adler, s.adler, static_cast<z_off_t>(s.length)));
    }
    put32(data, adler);

    std::string png = "\x89PNG\r\n\x1a\n";
    std::string header;
    put32(header, static_cast<std::uint32_t>(image.width));
    put32(header, static_cast<std::uint32_t>(image.height));
    header += std::string{8, static_cast<char>(opaque ? 2 : 6), 0, 0, 0};  // 8 bits, RGB or RGBA, deflate, filters, no interlace
    chunk(png, "IHDR", header);
    constexpr std::size_t idat_bytes = 1 << 20;  // IDAT chunks of 1 MB, as encoders usually write them
    for (std::size_t at = 0; at < data.size(); at += idat_bytes) chunk(png, "IDAT", data.substr(at, idat_bytes));
    chunk(png, "IEND", "");
    return png;
}

}  // namespace storyplot
