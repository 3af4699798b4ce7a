#include "capture/inflate.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>

namespace saml {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

struct InflateEnd {
  void operator()(z_stream* stream) const { inflateEnd(stream); }
};

std::size_t ratio_cap(std::size_t input_size, std::size_t ratio) {
  if (ratio != 0 && input_size > SIZE_MAX / ratio) {
    return SIZE_MAX;
  }
  return input_size * ratio;
}

Error over_cap(std::size_t input_size, const CaptureLimits& limits) {
  const std::size_t by_ratio = ratio_cap(input_size, limits.max_inflate_ratio);
  if (by_ratio < limits.max_xml_bytes) {
    return Error{ErrorKind::Limit, ErrorCode::CaptureInflate,
                 "the DEFLATE data inflates more than " +
                     std::to_string(limits.max_inflate_ratio) + " times its size (" +
                     std::to_string(input_size) + " bytes give over " +
                     std::to_string(by_ratio) + " bytes): refused as a decompression bomb",
                 {}};
  }
  return Error{ErrorKind::Limit, ErrorCode::CaptureSize,
               "the DEFLATE data inflates to more than " + std::to_string(limits.max_xml_bytes) +
                   " bytes, the limit for the XML",
               {}};
}

}  // namespace

Expected<Inflated> inflate_raw(std::string_view deflated, const CaptureLimits& limits) {
  if (deflated.size() > UINT_MAX) {
    return over_cap(deflated.size(), limits);
  }
  const std::size_t cap =
      std::min(limits.max_xml_bytes, ratio_cap(deflated.size(), limits.max_inflate_ratio));

  z_stream stream{};
  // Negative window bits: raw DEFLATE, no zlib header or checksum.
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
    return Error{ErrorKind::Decode, ErrorCode::CaptureInflate, "zlib could not start inflating", {}};
  }
  const std::unique_ptr<z_stream, InflateEnd> guard(&stream);
  // zlib never writes through next_in; its API is not const-correct.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(deflated.data()));
  stream.avail_in = static_cast<uInt>(deflated.size());

  Inflated result;
  int status = Z_OK;
  while (status == Z_OK) {
    // One byte of room past the cap tells "exactly at the cap" from "over it".
    const std::size_t room = std::min(kChunk, cap + 1 - result.bytes.size());
    const std::size_t before = result.bytes.size();
    result.bytes.resize(before + room);
    stream.next_out = reinterpret_cast<Bytef*>(result.bytes.data() + before);
    stream.avail_out = static_cast<uInt>(room);
    status = inflate(&stream, Z_NO_FLUSH);
    result.bytes.resize(before + room - stream.avail_out);
    if (result.bytes.size() > cap) {
      return over_cap(deflated.size(), limits);
    }
  }
  if (status == Z_STREAM_END) {
    if (stream.avail_in != 0) {
      result.error = std::to_string(stream.avail_in) + " bytes follow the end of the DEFLATE data";
    }
  } else if (status == Z_BUF_ERROR) {
    result.error = "the DEFLATE data ends early (truncated)";
  } else if (status == Z_MEM_ERROR) {
    return Error{ErrorKind::Limit, ErrorCode::CaptureInflate, "zlib ran out of memory", {}};
  } else {
    result.error = stream.msg != nullptr ? stream.msg : "zlib error " + std::to_string(status);
  }
  return result;
}

}  // namespace saml
