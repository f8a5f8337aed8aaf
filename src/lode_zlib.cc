// internalBinding('zlib'): compression handles over the system zlib,
// brotli and zstd, driven by lib/internal/zlib/.
//
// A handle (Zlib, BrotliEncoder, BrotliDecoder, ZstdCompress,
// ZstdDecompress) owns one codec. write()
// runs the codec on the libuv threadpool and calls the JS write callback
// from the loop; writeSync() runs it on the calling thread. Both leave
// [availOutAfter, availInAfter] in the Uint32Array handed to init(); a
// failure goes to the handle's `onerror(message, errno, code)` instead.
// The JS object is weak while the handle is idle (GC frees the codec) and
// strong while a write is on the threadpool.
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <libdeflate.h>
#include <zlib.h>
// For ZSTD_customMem and the *_advanced constructors (exported by the
// shared library): the codecs' memory is accounted like zlib's.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>
#include <zstd_errors.h>

#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_tracing.h"
#include "util.h"

namespace lode::zlib {

using v8::ArrayBufferView;
using v8::BackingStore;
using v8::Context;
using v8::Exception;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Uint32Array;
using v8::Value;

namespace {

// The modes of a handle, numbered as Node numbers them (zlib.constants).
enum Mode {
  kNone = 0,
  kDeflate,
  kInflate,
  kGzip,
  kGunzip,
  kDeflateRaw,
  kInflateRaw,
  kUnzip,
  kBrotliDecode,
  kBrotliEncode,
  kZstdCompress,
  kZstdDecompress,
};

constexpr uint8_t kGzipMagic1 = 0x1f;
constexpr uint8_t kGzipMagic2 = 0x8b;

// --- Memory accounting -----------------------------------------------------
// The codecs allocate through here, so that V8 learns how much native
// memory a handle holds and collects idle handles accordingly. Allocation
// may happen on the threadpool; only the loop thread reports.

class CodecMemory {
 public:
  CodecMemory() = default;
  LODE_DISALLOW_COPY(CodecMemory);

  void* Allocate(size_t size) {
    if (size > std::numeric_limits<size_t>::max() - kHeader) return nullptr;
    char* block = static_cast<char*>(malloc(kHeader + size));
    if (block == nullptr) return nullptr;
    memcpy(block, &size, sizeof(size));
    held_.fetch_add(static_cast<int64_t>(size), std::memory_order_relaxed);
    return block + kHeader;
  }

  void Free(void* pointer) {
    if (pointer == nullptr) return;
    char* block = static_cast<char*>(pointer) - kHeader;
    size_t size;
    memcpy(&size, block, sizeof(size));
    held_.fetch_sub(static_cast<int64_t>(size), std::memory_order_relaxed);
    free(block);
  }

  // Tells V8 what changed since the last report (loop thread only).
  void Report(Isolate* isolate) {
    int64_t now = held_.load(std::memory_order_relaxed);
    if (now != reported_) {
      isolate->AdjustAmountOfExternalAllocatedMemory(now - reported_);
      reported_ = now;
    }
  }

  // Withdraws everything reported (the handle is going away).
  void Withdraw(Isolate* isolate) {
    if (reported_ != 0) {
      isolate->AdjustAmountOfExternalAllocatedMemory(-reported_);
      reported_ = 0;
    }
  }

  static voidpf ZAlloc(voidpf opaque, uInt items, uInt size) {
    uint64_t total = static_cast<uint64_t>(items) * size;
    if (total > std::numeric_limits<size_t>::max()) return Z_NULL;
    return static_cast<CodecMemory*>(opaque)->Allocate(
        static_cast<size_t>(total));
  }
  static void ZFree(voidpf opaque, voidpf address) {
    static_cast<CodecMemory*>(opaque)->Free(address);
  }
  static void* BrotliAlloc(void* opaque, size_t size) {
    return static_cast<CodecMemory*>(opaque)->Allocate(size);
  }
  static void BrotliFree(void* opaque, void* address) {
    static_cast<CodecMemory*>(opaque)->Free(address);
  }
  ZSTD_customMem ZstdAllocator() {
    return ZSTD_customMem{BrotliAlloc, BrotliFree, this};
  }

 private:
  // Keeps the payload aligned for any type.
  static constexpr size_t kHeader = alignof(std::max_align_t);
  std::atomic<int64_t> held_{0};
  int64_t reported_ = 0;
};

// --- Codecs ------------------------------------------------------------------
// Plain C++ (no V8): Work() runs on the threadpool.

struct CodecError {
  std::string message;
  std::string code;
  int err = 0;
  bool failed = false;

  static CodecError Make(std::string message, std::string code, int err) {
    CodecError e;
    e.message = std::move(message);
    e.code = std::move(code);
    e.err = err;
    e.failed = true;
    return e;
  }
};

class Codec {
 public:
  explicit Codec(CodecMemory* memory) : memory_(memory) {}
  virtual ~Codec() = default;
  LODE_DISALLOW_COPY(Codec);

  virtual bool IsValidFlush(uint32_t flush) const = 0;
  virtual void Prepare(uint32_t flush, const uint8_t* in, uint32_t in_len,
                       uint8_t* out, uint32_t out_len) = 0;
  // Runs one step over the prepared buffers.
  virtual void Work() = 0;
  // What is left of the buffers after Work(); the codec forgets them.
  virtual void Remaining(uint32_t* avail_out, uint32_t* avail_in) = 0;
  // The outcome of the last Work() as Node reports it.
  virtual CodecError Error() const = 0;
  virtual CodecError Reset() = 0;
  virtual void Close() = 0;

 protected:
  CodecMemory* memory_;
};

const char* ZlibCodeName(int err) {
  switch (err) {
    case Z_OK: return "Z_OK";
    case Z_STREAM_END: return "Z_STREAM_END";
    case Z_NEED_DICT: return "Z_NEED_DICT";
    case Z_ERRNO: return "Z_ERRNO";
    case Z_STREAM_ERROR: return "Z_STREAM_ERROR";
    case Z_DATA_ERROR: return "Z_DATA_ERROR";
    case Z_MEM_ERROR: return "Z_MEM_ERROR";
    case Z_BUF_ERROR: return "Z_BUF_ERROR";
    case Z_VERSION_ERROR: return "Z_VERSION_ERROR";
    default: return "Z_UNKNOWN_ERROR";
  }
}

class ZlibCodec final : public Codec {
 public:
  ZlibCodec(CodecMemory* memory, Mode mode) : Codec(memory), mode_(mode) {
    memset(&strm_, 0, sizeof(strm_));
  }
  ~ZlibCodec() override { Close(); }

  // Records the options; the z_stream itself is created on first use, so
  // that a stream that never sees data costs no zlib state.
  void Configure(int window_bits, int level, int mem_level, int strategy,
                 std::vector<uint8_t> dictionary) {
    level_ = level;
    mem_level_ = mem_level;
    strategy_ = strategy;
    window_bits_ = window_bits;
    base_window_bits_ = window_bits;
    if (mode_ == kGzip || mode_ == kGunzip) window_bits_ += 16;
    if (mode_ == kUnzip) window_bits_ += 32;  // zlib or gzip, detected
    if (mode_ == kDeflateRaw || mode_ == kInflateRaw) window_bits_ = -window_bits_;
    dictionary_ = std::move(dictionary);
  }

  bool IsValidFlush(uint32_t flush) const override {
    return flush == Z_NO_FLUSH || flush == Z_PARTIAL_FLUSH ||
           flush == Z_SYNC_FLUSH || flush == Z_FULL_FLUSH ||
           flush == Z_FINISH || flush == Z_BLOCK;
  }

  void Prepare(uint32_t flush, const uint8_t* in, uint32_t in_len,
               uint8_t* out, uint32_t out_len) override {
    flush_ = static_cast<int>(flush);
    strm_.next_in = const_cast<Bytef*>(in);
    strm_.avail_in = in_len;
    strm_.next_out = out;
    strm_.avail_out = out_len;
  }

  void Work() override {
    if (!EnsureStream()) return;
    switch (mode_) {
      case kDeflate:
      case kGzip:
      case kDeflateRaw:
        if (params_pending_ && !ApplyParams()) return;
        err_ = deflate(&strm_, flush_);
        break;
      case kUnzip:
        DetectFormat();
        [[fallthrough]];
      case kInflate:
      case kGunzip:
      case kInflateRaw:
        Inflate();
        break;
      default:
        err_ = Z_STREAM_ERROR;
        break;
    }
  }

  void Remaining(uint32_t* avail_out, uint32_t* avail_in) override {
    *avail_out = strm_.avail_out;
    *avail_in = strm_.avail_in;
    // The buffers belong to JS: never touch them again outside a write.
    last_avail_out_ = strm_.avail_out;
    strm_.next_in = nullptr;
    strm_.avail_in = 0;
    strm_.next_out = nullptr;
    strm_.avail_out = 0;
  }

  CodecError Error() const override {
    if (params_failed_) return Failure("Failed to set parameters");
    switch (err_) {
      case Z_OK:
      case Z_BUF_ERROR:
        // Input ended although the caller said it was complete.
        if (last_avail_out_ != 0 && flush_ == Z_FINISH) {
          return Failure("unexpected end of file");
        }
        return CodecError();
      case Z_STREAM_END:
        return CodecError();
      case Z_NEED_DICT:
        return Failure(dictionary_.empty() ? "Missing dictionary"
                                           : "Bad dictionary");
      default:
        return Failure("Zlib error");
    }
  }

  CodecError Reset() override {
    if (!EnsureStream()) return Failure("Failed to init stream before reset");
    return ResetStream();
  }

  // New deflate parameters. Like Node, only the zlib and raw deflaters
  // take them; a gzip stream keeps its own. They take effect at the start
  // of the next write, whose output buffer receives what deflate still
  // holds under the old ones. Never called while Work() runs.
  void SetParams(int level, int strategy) {
    if (mode_ != kDeflate && mode_ != kDeflateRaw) return;
    if (!stream_ready_) {
      level_ = level;
      strategy_ = strategy;
      return;
    }
    params_pending_ = true;
    pending_level_ = level;
    pending_strategy_ = strategy;
  }

  Mode mode() const { return mode_; }

  // Whether a whole input may go to libdeflate instead (see WholeJob):
  // nothing has run yet and the options are ones it implements exactly
  // (zlib's default window, memLevel and strategy, no dictionary).
  // `level` gets the compression level, 1 to 9.
  bool WholeEligible(int* level) const {
    if (stream_ready_ || init_failed_ || params_pending_ ||
        !dictionary_.empty()) {
      return false;
    }
    if (!IsDeflater()) {
      // 0: the window the stream's header gives, which 15 covers.
      return base_window_bits_ == 15 || base_window_bits_ == 0;
    }
    if (base_window_bits_ != 15 || mem_level_ != 8 ||
        strategy_ != Z_DEFAULT_STRATEGY) {
      return false;
    }
    *level = level_ == Z_DEFAULT_COMPRESSION ? 6 : level_;
    // Level 0 (stored blocks) stays with zlib: its block layout is zlib's.
    return *level >= 1 && *level <= 9;
  }

  void Close() override {
    if (!stream_ready_) return;
    if (IsDeflater()) {
      deflateEnd(&strm_);
    } else {
      inflateEnd(&strm_);
    }
    stream_ready_ = false;
    memset(&strm_, 0, sizeof(strm_));
  }

 private:
  // False when the write must stop here (err_ says why).
  bool ApplyParams() {
    // Only what deflate already holds is flushed under the old
    // parameters: the new input waits.
    uInt avail_in = strm_.avail_in;
    strm_.avail_in = 0;
    int ret = deflateParams(&strm_, pending_level_, pending_strategy_);
    strm_.avail_in = avail_in;
    if (ret == Z_OK) {
      params_pending_ = false;
      level_ = pending_level_;
      strategy_ = pending_strategy_;
      return true;
    }
    if (ret == Z_BUF_ERROR) {
      if (strm_.avail_out == 0) {
        // The output is full: the caller comes back with more room.
        err_ = Z_BUF_ERROR;
        return false;
      }
      // Nothing left to flush that zlib would take: keep the old ones.
      params_pending_ = false;
      return true;
    }
    params_pending_ = false;
    params_failed_ = true;
    err_ = ret;
    return false;
  }

  bool IsDeflater() const {
    return mode_ == kDeflate || mode_ == kGzip || mode_ == kDeflateRaw;
  }

  CodecError Failure(const char* fallback) const {
    const char* message = strm_.msg != nullptr ? strm_.msg : fallback;
    return CodecError::Make(message, ZlibCodeName(err_), err_);
  }

  bool EnsureStream() {
    if (stream_ready_) return true;
    if (init_failed_) return false;
    strm_.zalloc = CodecMemory::ZAlloc;
    strm_.zfree = CodecMemory::ZFree;
    strm_.opaque = memory_;
    if (IsDeflater()) {
      err_ = deflateInit2(&strm_, level_, Z_DEFLATED, window_bits_,
                          mem_level_, strategy_);
    } else {
      err_ = inflateInit2(&strm_, window_bits_);
    }
    if (err_ != Z_OK) {
      init_failed_ = true;
      dictionary_.clear();
      return false;
    }
    stream_ready_ = true;
    SetDictionary();
    return true;
  }

  int SetDictionary() {
    if (dictionary_.empty()) return Z_OK;
    int ret = Z_OK;
    // A zlib inflater asks for it (Z_NEED_DICT); gzip has no dictionary.
    if (mode_ == kDeflate || mode_ == kDeflateRaw) {
      ret = deflateSetDictionary(&strm_, dictionary_.data(),
                                 static_cast<uInt>(dictionary_.size()));
    } else if (mode_ == kInflateRaw) {
      ret = inflateSetDictionary(&strm_, dictionary_.data(),
                                 static_cast<uInt>(dictionary_.size()));
    }
    return ret;
  }

  CodecError ResetStream() {
    err_ = Z_OK;
    params_failed_ = false;
    gzip_magic_seen_ = 0;
    if (IsDeflater()) {
      err_ = deflateReset(&strm_);
    } else {
      err_ = inflateReset(&strm_);
    }
    if (err_ != Z_OK) return Failure("Failed to reset stream");
    err_ = SetDictionary();
    if (err_ != Z_OK) return Failure("Failed to set dictionary");
    return CodecError();
  }

  // Unzip: the first two bytes tell gzip (which may have more members)
  // from zlib; they may come in separate writes.
  void DetectFormat() {
    const uint8_t* p = strm_.next_in;
    uInt left = strm_.avail_in;
    if (left == 0) return;
    if (gzip_magic_seen_ == 0) {
      if (*p != kGzipMagic1) {
        mode_ = kInflate;
        return;
      }
      gzip_magic_seen_ = 1;
      p++;
      if (--left == 0) return;
    }
    if (*p == kGzipMagic2) {
      gzip_magic_seen_ = 2;
      mode_ = kGunzip;
    } else {
      mode_ = kInflate;
    }
  }

  void Inflate() {
    err_ = inflate(&strm_, flush_);
    if (mode_ != kInflateRaw && err_ == Z_NEED_DICT && !dictionary_.empty()) {
      err_ = inflateSetDictionary(&strm_, dictionary_.data(),
                                  static_cast<uInt>(dictionary_.size()));
      if (err_ == Z_OK) {
        err_ = inflate(&strm_, flush_);
      } else if (err_ == Z_DATA_ERROR) {
        // The dictionary does not match: say so, not "bad input".
        err_ = Z_NEED_DICT;
      }
    }
    // More bytes after a gzip member: another member, or garbage that the
    // header check refuses. Zero bytes are padding and end the stream.
    while (mode_ == kGunzip && err_ == Z_STREAM_END && strm_.avail_in > 0 &&
           strm_.next_in[0] != 0x00) {
      ResetStream();
      err_ = inflate(&strm_, flush_);
    }
  }

  Mode mode_;
  z_stream strm_;
  int level_ = Z_DEFAULT_COMPRESSION;
  int window_bits_ = 15;
  int base_window_bits_ = 15;  // as given, before the mode's adjustment
  int mem_level_ = 8;
  int strategy_ = Z_DEFAULT_STRATEGY;
  int flush_ = Z_NO_FLUSH;
  int err_ = Z_OK;
  uInt last_avail_out_ = 0;
  int gzip_magic_seen_ = 0;
  bool stream_ready_ = false;
  bool init_failed_ = false;
  bool params_pending_ = false;
  bool params_failed_ = false;
  int pending_level_ = 0;
  int pending_strategy_ = 0;
  std::vector<uint8_t> dictionary_;
};

class BrotliEncoderCodec final : public Codec {
 public:
  explicit BrotliEncoderCodec(CodecMemory* memory) : Codec(memory) {}
  ~BrotliEncoderCodec() override { Close(); }

  bool Create() {
    Close();
    state_ = BrotliEncoderCreateInstance(CodecMemory::BrotliAlloc,
                                         CodecMemory::BrotliFree, memory_);
    ok_ = true;
    return state_ != nullptr;
  }

  bool SetParameter(uint32_t key, uint32_t value) {
    return state_ != nullptr &&
           BrotliEncoderSetParameter(
               state_, static_cast<BrotliEncoderParameter>(key), value);
  }

  bool IsValidFlush(uint32_t flush) const override {
    return flush <= BROTLI_OPERATION_EMIT_METADATA;
  }

  void Prepare(uint32_t flush, const uint8_t* in, uint32_t in_len,
               uint8_t* out, uint32_t out_len) override {
    op_ = static_cast<BrotliEncoderOperation>(flush);
    next_in_ = in;
    avail_in_ = in_len;
    next_out_ = out;
    avail_out_ = out_len;
  }

  void Work() override {
    if (state_ == nullptr) {
      ok_ = false;
      return;
    }
    ok_ = BrotliEncoderCompressStream(state_, op_, &avail_in_, &next_in_,
                                      &avail_out_, &next_out_, nullptr);
  }

  void Remaining(uint32_t* avail_out, uint32_t* avail_in) override {
    *avail_out = static_cast<uint32_t>(avail_out_);
    *avail_in = static_cast<uint32_t>(avail_in_);
    next_in_ = nullptr;
    next_out_ = nullptr;
    avail_in_ = avail_out_ = 0;
  }

  CodecError Error() const override {
    if (!ok_) {
      return CodecError::Make("Compression failed",
                              "ERR_BROTLI_COMPRESSION_FAILED", -1);
    }
    return CodecError();
  }

  // As in Node, a reset starts a fresh encoder with default parameters.
  CodecError Reset() override {
    if (!Create()) {
      return CodecError::Make("Initialization failed",
                              "ERR_ZLIB_INITIALIZATION_FAILED", -1);
    }
    return CodecError();
  }

  void Close() override {
    if (state_ != nullptr) BrotliEncoderDestroyInstance(state_);
    state_ = nullptr;
  }

 private:
  BrotliEncoderState* state_ = nullptr;
  BrotliEncoderOperation op_ = BROTLI_OPERATION_PROCESS;
  const uint8_t* next_in_ = nullptr;
  uint8_t* next_out_ = nullptr;
  size_t avail_in_ = 0;
  size_t avail_out_ = 0;
  bool ok_ = true;
};

// The code Node 24 (brotli 1.1) gives a decoder error: "ERR_" and the
// enumerator's name after BROTLI_DECODER, e.g. ERR__ERROR_FORMAT_PADDING_1.
const char* BrotliDecoderCodeName(BrotliDecoderErrorCode code) {
  switch (code) {
#define V(PREFIX, NAME, CODE)             \
  case BROTLI_DECODER##PREFIX##NAME:      \
    return "ERR_" #PREFIX #NAME;
#define SEPARATOR
    BROTLI_DECODER_ERROR_CODES_LIST(V, SEPARATOR)
#undef SEPARATOR
#undef V
    default:
      return "ERR_BROTLI_DECODER_ERROR";
  }
}

class BrotliDecoderCodec final : public Codec {
 public:
  explicit BrotliDecoderCodec(CodecMemory* memory) : Codec(memory) {}
  ~BrotliDecoderCodec() override { Close(); }

  bool Create() {
    Close();
    state_ = BrotliDecoderCreateInstance(CodecMemory::BrotliAlloc,
                                         CodecMemory::BrotliFree, memory_);
    error_ = BROTLI_DECODER_NO_ERROR;
    result_ = BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT;
    return state_ != nullptr;
  }

  bool SetParameter(uint32_t key, uint32_t value) {
    return state_ != nullptr &&
           BrotliDecoderSetParameter(
               state_, static_cast<BrotliDecoderParameter>(key), value);
  }

  bool IsValidFlush(uint32_t flush) const override {
    return flush <= BROTLI_OPERATION_EMIT_METADATA;
  }

  void Prepare(uint32_t flush, const uint8_t* in, uint32_t in_len,
               uint8_t* out, uint32_t out_len) override {
    op_ = flush;
    next_in_ = in;
    avail_in_ = in_len;
    next_out_ = out;
    avail_out_ = out_len;
  }

  void Work() override {
    if (state_ == nullptr) {
      result_ = BROTLI_DECODER_RESULT_ERROR;
      error_ = BROTLI_DECODER_ERROR_UNREACHABLE;
      return;
    }
    result_ = BrotliDecoderDecompressStream(state_, &avail_in_, &next_in_,
                                            &avail_out_, &next_out_, nullptr);
    if (result_ == BROTLI_DECODER_RESULT_ERROR) {
      error_ = BrotliDecoderGetErrorCode(state_);
    }
  }

  void Remaining(uint32_t* avail_out, uint32_t* avail_in) override {
    *avail_out = static_cast<uint32_t>(avail_out_);
    *avail_in = static_cast<uint32_t>(avail_in_);
    next_in_ = nullptr;
    next_out_ = nullptr;
    avail_in_ = avail_out_ = 0;
  }

  CodecError Error() const override {
    if (error_ != BROTLI_DECODER_NO_ERROR) {
      return CodecError::Make("Decompression failed",
                              BrotliDecoderCodeName(error_),
                              static_cast<int>(error_));
    }
    // Brotli has no "finish": input that stops early is noticed here.
    if (op_ == BROTLI_OPERATION_FINISH &&
        result_ == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
      return CodecError::Make("unexpected end of file", "Z_BUF_ERROR",
                              Z_BUF_ERROR);
    }
    return CodecError();
  }

  CodecError Reset() override {
    if (!Create()) {
      return CodecError::Make("Initialization failed",
                              "ERR_ZLIB_INITIALIZATION_FAILED", -1);
    }
    return CodecError();
  }

  void Close() override {
    if (state_ != nullptr) BrotliDecoderDestroyInstance(state_);
    state_ = nullptr;
  }

 private:
  BrotliDecoderState* state_ = nullptr;
  uint32_t op_ = BROTLI_OPERATION_PROCESS;
  const uint8_t* next_in_ = nullptr;
  uint8_t* next_out_ = nullptr;
  size_t avail_in_ = 0;
  size_t avail_out_ = 0;
  BrotliDecoderResult result_ = BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT;
  BrotliDecoderErrorCode error_ = BROTLI_DECODER_NO_ERROR;
};

// The code Node gives a zstd failure: the ZSTD_ErrorCode enumerator's name
// (the stable ones, as zlib.constants lists them).
const char* ZstdCodeName(ZSTD_ErrorCode code) {
  switch (code) {
#define V(NAME) \
  case ZSTD_error_##NAME: \
    return "ZSTD_error_" #NAME;
    V(no_error) V(GENERIC) V(prefix_unknown) V(version_unsupported)
    V(frameParameter_unsupported) V(frameParameter_windowTooLarge)
    V(corruption_detected) V(checksum_wrong) V(literals_headerWrong)
    V(dictionary_corrupted) V(dictionary_wrong)
    V(dictionaryCreation_failed) V(parameter_unsupported)
    V(parameter_combination_unsupported) V(parameter_outOfBound)
    V(tableLog_tooLarge) V(maxSymbolValue_tooLarge)
    V(maxSymbolValue_tooSmall) V(stabilityCondition_notRespected)
    V(stage_wrong) V(init_missing) V(memory_allocation)
    V(workSpace_tooSmall) V(dstSize_tooSmall) V(srcSize_wrong)
    V(dstBuffer_null) V(noForwardProgress_destFull)
    V(noForwardProgress_inputEmpty)
#undef V
    default:
      return "ZSTD_error_GENERIC";
  }
}

// What both zstd directions share: the buffers of one step and the
// outcome of the last one. zstd has no "unexpected end": a truncated
// frame just produces what it holds, as in Node.
class ZstdCodec : public Codec {
 public:
  explicit ZstdCodec(CodecMemory* memory) : Codec(memory) {}

  bool IsValidFlush(uint32_t flush) const override {
    return flush <= ZSTD_e_end;
  }

  void Prepare(uint32_t flush, const uint8_t* in, uint32_t in_len,
               uint8_t* out, uint32_t out_len) override {
    directive_ = static_cast<ZSTD_EndDirective>(flush);
    input_ = {in, in_len, 0};
    output_ = {out, out_len, 0};
    error_ = ZSTD_error_no_error;
  }

  void Remaining(uint32_t* avail_out, uint32_t* avail_in) override {
    *avail_out = static_cast<uint32_t>(output_.size - output_.pos);
    *avail_in = static_cast<uint32_t>(input_.size - input_.pos);
    input_ = {nullptr, 0, 0};
    output_ = {nullptr, 0, 0};
  }

  CodecError Error() const override {
    if (error_ == ZSTD_error_no_error) return CodecError();
    return CodecError::Make(ZSTD_getErrorString(error_), ZstdCodeName(error_),
                            static_cast<int>(error_));
  }

 protected:
  // Records the failure a zstd return value may carry; true when none.
  bool Check(size_t ret) {
    if (!ZSTD_isError(ret)) return true;
    error_ = ZSTD_getErrorCode(ret);
    return false;
  }

  ZSTD_EndDirective directive_ = ZSTD_e_continue;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  ZSTD_outBuffer output_{nullptr, 0, 0};
  ZSTD_ErrorCode error_ = ZSTD_error_no_error;
};

class ZstdCompressCodec final : public ZstdCodec {
 public:
  explicit ZstdCompressCodec(CodecMemory* memory) : ZstdCodec(memory) {}
  ~ZstdCompressCodec() override { Close(); }

  // Creates the context; the message says what failed, or is null.
  const char* Create(uint64_t pledged_src_size,
                     const std::vector<uint8_t>& dictionary) {
    Close();
    cctx_ = ZSTD_createCCtx_advanced(memory_->ZstdAllocator());
    if (cctx_ == nullptr) return "Could not initialize zstd instance";
    if (ZSTD_isError(ZSTD_CCtx_setPledgedSrcSize(cctx_, pledged_src_size))) {
      return "Could not set pledged src size";
    }
    if (!dictionary.empty() &&
        ZSTD_isError(ZSTD_CCtx_loadDictionary(cctx_, dictionary.data(),
                                              dictionary.size()))) {
      return "Could not load zstd dictionary";
    }
    return nullptr;
  }

  bool SetParameter(uint32_t key, uint32_t value) {
    return cctx_ != nullptr &&
           !ZSTD_isError(ZSTD_CCtx_setParameter(
               cctx_, static_cast<ZSTD_cParameter>(key),
               static_cast<int>(value)));
  }

  void Work() override {
    if (cctx_ == nullptr) {
      error_ = ZSTD_error_init_missing;
      return;
    }
    Check(ZSTD_compressStream2(cctx_, &output_, &input_, directive_));
  }

  // A new frame with the same parameters and dictionary.
  CodecError Reset() override {
    error_ = ZSTD_error_no_error;
    if (cctx_ == nullptr ||
        ZSTD_isError(ZSTD_CCtx_reset(cctx_, ZSTD_reset_session_only))) {
      return CodecError::Make("Failed to reset stream",
                              "ERR_ZLIB_INITIALIZATION_FAILED", -1);
    }
    return CodecError();
  }

  void Close() override {
    if (cctx_ != nullptr) ZSTD_freeCCtx(cctx_);
    cctx_ = nullptr;
  }

 private:
  ZSTD_CCtx* cctx_ = nullptr;
};

class ZstdDecompressCodec final : public ZstdCodec {
 public:
  explicit ZstdDecompressCodec(CodecMemory* memory) : ZstdCodec(memory) {}
  ~ZstdDecompressCodec() override { Close(); }

  const char* Create(const std::vector<uint8_t>& dictionary) {
    Close();
    dctx_ = ZSTD_createDCtx_advanced(memory_->ZstdAllocator());
    if (dctx_ == nullptr) return "Could not initialize zstd instance";
    if (!dictionary.empty() &&
        ZSTD_isError(ZSTD_DCtx_loadDictionary(dctx_, dictionary.data(),
                                              dictionary.size()))) {
      return "Could not load zstd dictionary";
    }
    return nullptr;
  }

  bool SetParameter(uint32_t key, uint32_t value) {
    return dctx_ != nullptr &&
           !ZSTD_isError(ZSTD_DCtx_setParameter(
               dctx_, static_cast<ZSTD_dParameter>(key),
               static_cast<int>(value)));
  }

  void Work() override {
    if (dctx_ == nullptr) {
      error_ = ZSTD_error_init_missing;
      return;
    }
    Check(ZSTD_decompressStream(dctx_, &output_, &input_));
  }

  CodecError Reset() override {
    error_ = ZSTD_error_no_error;
    if (dctx_ == nullptr ||
        ZSTD_isError(ZSTD_DCtx_reset(dctx_, ZSTD_reset_session_only))) {
      return CodecError::Make("Failed to reset stream",
                              "ERR_ZLIB_INITIALIZATION_FAILED", -1);
    }
    return CodecError();
  }

  void Close() override {
    if (dctx_ != nullptr) ZSTD_freeDCtx(dctx_);
    dctx_ = nullptr;
  }

 private:
  ZSTD_DCtx* dctx_ = nullptr;
};

// --- The JS handle -----------------------------------------------------------

const WrapType kCompressionType = {"CompressionHandle", nullptr};

// --- The whole-buffer path ------------------------------------------------
// The one-step helpers (zlib.gzipSync(buf), zlib.gunzip(buf, cb), ...) have
// the whole input at once. When the options are ones libdeflate implements
// exactly (ZlibCodec::WholeEligible), it does the work, two to three times
// faster than the system zlib (measured: doc/internals.md, "zlib"). It only
// has to succeed or give up: anything it refuses (corrupt or truncated
// input, an output over maxOutputLength, a gzip header with a header CRC)
// sends the caller down the zlib path on the same input, so every error is
// zlib's own. Plain C++: Run() may execute on the threadpool.

class WholeJob {
 public:
  // Smaller inputs are compressed by zlib, whose exact bytes (mostly Node's
  // too) some programs compare; libdeflate would gain little there.
  static constexpr size_t kMinWholeCompress = 64 * 1024;

  WholeJob(Mode mode, int level, const uint8_t* in, size_t in_len,
           size_t max_out)
      : mode_(mode), level_(level), in_(in), in_len_(in_len),
        max_out_(max_out) {}
  ~WholeJob() { free(out_); }
  LODE_DISALLOW_COPY(WholeJob);

  void Run() {
    switch (mode_) {
      case kDeflate:
      case kGzip:
      case kDeflateRaw:
        ok_ = Compress();
        break;
      default:
        ok_ = Decompress();
        break;
    }
    if (!ok_) {
      free(out_);
      out_ = nullptr;
      length_ = 0;
    }
  }

  bool ok() const { return ok_; }
  size_t consumed() const { return consumed_; }

  // The output as an ArrayBuffer, which takes the memory over.
  Local<v8::ArrayBuffer> Release(Isolate* isolate) {
    if (length_ == 0) return v8::ArrayBuffer::New(isolate, 0);
    std::unique_ptr<BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        out_, length_, [](void* data, size_t, void*) { free(data); }, nullptr);
    out_ = nullptr;
    length_ = 0;
    return v8::ArrayBuffer::New(isolate, std::move(store));
  }

 private:
  // zlib's gzip header says which system wrote it (3: Unix) and, in XFL,
  // whether the level was the slowest (2) or the fastest (4); libdeflate
  // writes its own values. The header is outside the checksums.
  void PatchGzipHeader() {
    if (length_ < 10) return;
    out_[8] = level_ == 9 ? 2 : (level_ == 1 ? 4 : 0);
    out_[9] = 3;
  }

  bool Compress() {
    libdeflate_compressor* compressor = libdeflate_alloc_compressor(level_);
    if (compressor == nullptr) return false;
    size_t bound;
    switch (mode_) {
      case kGzip:
        bound = libdeflate_gzip_compress_bound(compressor, in_len_);
        break;
      case kDeflate:
        bound = libdeflate_zlib_compress_bound(compressor, in_len_);
        break;
      default:
        bound = libdeflate_deflate_compress_bound(compressor, in_len_);
        break;
    }
    // An output over the limit makes libdeflate give up (returns 0).
    size_t capacity = bound < max_out_ ? bound : max_out_;
    out_ = static_cast<uint8_t*>(malloc(capacity > 0 ? capacity : 1));
    if (out_ == nullptr) {
      libdeflate_free_compressor(compressor);
      return false;
    }
    switch (mode_) {
      case kGzip:
        length_ = libdeflate_gzip_compress(compressor, in_, in_len_, out_,
                                           capacity);
        break;
      case kDeflate:
        length_ = libdeflate_zlib_compress(compressor, in_, in_len_, out_,
                                           capacity);
        break;
      default:
        length_ = libdeflate_deflate_compress(compressor, in_, in_len_, out_,
                                              capacity);
        break;
    }
    libdeflate_free_compressor(compressor);
    if (length_ == 0) return false;
    if (mode_ == kGzip) PatchGzipHeader();
    consumed_ = in_len_;
    Shrink();
    return true;
  }

  bool Decompress() {
    Mode mode = mode_;
    if (mode == kUnzip) {
      // As zlib's Unzip: the gzip magic, or else a zlib stream.
      mode = in_len_ >= 2 && in_[0] == kGzipMagic1 && in_[1] == kGzipMagic2
                 ? kGunzip
                 : kInflate;
    }
    size_t capacity = FirstCapacity(mode);
    out_ = static_cast<uint8_t*>(malloc(capacity > 0 ? capacity : 1));
    if (out_ == nullptr) return false;
    libdeflate_decompressor* decompressor = libdeflate_alloc_decompressor();
    if (decompressor == nullptr) return false;
    size_t in_pos = 0;
    size_t out_pos = 0;
    bool ok = false;
    for (;;) {
      // zlib checks a gzip header's CRC; libdeflate skips it.
      if (mode == kGunzip &&
          (in_len_ - in_pos < 4 || (in_[in_pos + 3] & 0x02) != 0)) {
        break;
      }
      size_t in_used = 0;
      size_t out_got = 0;
      const uint8_t* in = in_ + in_pos;
      size_t in_left = in_len_ - in_pos;
      uint8_t* out = out_ + out_pos;
      size_t out_left = capacity - out_pos;
      libdeflate_result result;
      switch (mode) {
        case kGunzip:
          result = libdeflate_gzip_decompress_ex(decompressor, in, in_left,
                                                 out, out_left, &in_used,
                                                 &out_got);
          break;
        case kInflate:
          result = libdeflate_zlib_decompress_ex(decompressor, in, in_left,
                                                 out, out_left, &in_used,
                                                 &out_got);
          break;
        default:
          result = libdeflate_deflate_decompress_ex(decompressor, in,
                                                    in_left, out, out_left,
                                                    &in_used, &out_got);
          break;
      }
      if (result == LIBDEFLATE_INSUFFICIENT_SPACE) {
        // Again with twice the room (up to the limit): this member anew.
        if (capacity >= max_out_) break;
        size_t grown = capacity > max_out_ / 2 ? max_out_ : capacity * 2;
        uint8_t* bigger = static_cast<uint8_t*>(realloc(out_, grown));
        if (bigger == nullptr) break;
        out_ = bigger;
        capacity = grown;
        continue;
      }
      if (result != LIBDEFLATE_SUCCESS) break;
      in_pos += in_used;
      out_pos += out_got;
      // Gunzip goes on with the next member; zero bytes are padding that
      // ends the stream. Other formats ignore what follows their end.
      if (mode != kGunzip || in_pos == in_len_ || in_[in_pos] == 0x00) {
        ok = true;
        break;
      }
    }
    libdeflate_free_decompressor(decompressor);
    if (!ok) return false;
    length_ = out_pos;
    consumed_ = in_pos;
    Shrink();
    return true;
  }

  // The first output size tried: a gzip stream's trailer gives its size
  // (modulo 4 GiB) when it has a single member; otherwise a guess. Deflate
  // expands at most 1032 times: a trailer that claims more is not
  // believed.
  size_t FirstCapacity(Mode mode) const {
    size_t guess = in_len_ * 4;  // in_len_ < 4 GiB
    if (mode == kGunzip && in_len_ >= 18) {
      const uint8_t* t = in_ + in_len_ - 4;
      size_t size = static_cast<size_t>(t[0]) | static_cast<size_t>(t[1]) << 8 |
                    static_cast<size_t>(t[2]) << 16 |
                    static_cast<size_t>(t[3]) << 24;
      if (size > 0 && size / 1032 <= in_len_) guess = size;
    }
    if (guess < 4096) guess = 4096;
    return guess < max_out_ ? guess : max_out_;
  }

  void Shrink() {
    if (length_ == 0) {
      free(out_);
      out_ = nullptr;
      return;
    }
    uint8_t* smaller = static_cast<uint8_t*>(realloc(out_, length_));
    if (smaller != nullptr) out_ = smaller;
  }

  Mode mode_;
  int level_;
  const uint8_t* in_;
  size_t in_len_;
  size_t max_out_;
  uint8_t* out_ = nullptr;
  size_t length_ = 0;
  size_t consumed_ = 0;
  bool ok_ = false;
};

enum class Kind {
  kZlib,
  kBrotliEncoder,
  kBrotliDecoder,
  kZstdCompress,
  kZstdDecompress,
};

void ThrowInitFailed(Isolate* isolate,
                     const char* message = "Initialization failed") {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Value> error = Exception::Error(OneByteString(isolate, message));
  if (error.As<Object>()
          ->CreateDataProperty(
              context, FIXED_ONE_BYTE_STRING(isolate, "code"),
              FIXED_ONE_BYTE_STRING(isolate, "ERR_ZLIB_INITIALIZATION_FAILED"))
          .IsNothing()) {
    return;  // an exception is pending already
  }
  isolate->ThrowException(error);
}

// A view's bytes [offset, offset + length), or false (with a JS error
// thrown) when the arguments do not describe such a range.
bool GetRange(Isolate* isolate, Local<Value> view_value, Local<Value> off_value,
              Local<Value> len_value, const char* name,
              std::shared_ptr<BackingStore>* store, uint8_t** data,
              uint32_t* length) {
  if (!view_value->IsArrayBufferView()) {
    THROW_ERR_INVALID_ARG_TYPE(
        isolate, std::string("The \"") + name +
                     "\" argument must be an instance of Buffer, "
                     "TypedArray, or DataView.");
    return false;
  }
  if (!off_value->IsUint32() || !len_value->IsUint32()) {
    THROW_ERR_OUT_OF_RANGE(isolate, std::string("Invalid ") + name +
                                        " offset or length");
    return false;
  }
  Local<ArrayBufferView> view = view_value.As<ArrayBufferView>();
  uint64_t off = off_value.As<v8::Uint32>()->Value();
  uint64_t len = len_value.As<v8::Uint32>()->Value();
  size_t byte_length = view->ByteLength();
  if (off + len > byte_length) {
    THROW_ERR_OUT_OF_RANGE(isolate, std::string("The ") + name +
                                        " range is out of bounds");
    return false;
  }
  *store = view->Buffer()->GetBackingStore();
  uint8_t* base = static_cast<uint8_t*>((*store)->Data());
  *data = base == nullptr ? nullptr : base + view->ByteOffset() + off;
  *length = static_cast<uint32_t>(len);
  return true;
}

class CompressionHandle {
 public:
  CompressionHandle(Environment* env, Local<Object> object, Kind kind,
                    Mode mode)
      : env_(env), kind_(kind) {
    object_.Reset(env->isolate(), object);
    MakeWeak();
    SetWrapped(object, this, &kCompressionType);
    work_.data = this;
    switch (kind) {
      case Kind::kZlib:
        codec_ = std::make_unique<ZlibCodec>(&memory_, mode);
        break;
      case Kind::kBrotliEncoder:
        codec_ = std::make_unique<BrotliEncoderCodec>(&memory_);
        break;
      case Kind::kBrotliDecoder:
        codec_ = std::make_unique<BrotliDecoderCodec>(&memory_);
        break;
      case Kind::kZstdCompress:
        codec_ = std::make_unique<ZstdCompressCodec>(&memory_);
        break;
      case Kind::kZstdDecompress:
        codec_ = std::make_unique<ZstdDecompressCodec>(&memory_);
        break;
    }
  }

  ~CompressionHandle() {
    codec_.reset();
    memory_.Withdraw(env_->isolate());
  }
  LODE_DISALLOW_COPY(CompressionHandle);

  static CompressionHandle* From(const FunctionCallbackInfo<Value>& args) {
    auto* handle = static_cast<CompressionHandle*>(
        GetWrapped(args.This(), &kCompressionType));
    if (handle == nullptr) {
      THROW_ERR_INVALID_STATE(args.GetIsolate(),
                              "Illegal invocation of a zlib handle");
    }
    return handle;
  }

  template <Kind kKind>
  static void New(const FunctionCallbackInfo<Value>& args);
  static void InitZlib(const FunctionCallbackInfo<Value>& args);
  template <Kind kKind>
  static void InitBrotli(const FunctionCallbackInfo<Value>& args);
  template <Kind kKind>
  static void InitZstd(const FunctionCallbackInfo<Value>& args);
  template <bool kAsync>
  static void Write(const FunctionCallbackInfo<Value>& args);
  template <bool kAsync>
  static void WriteWhole(const FunctionCallbackInfo<Value>& args);
  static void Params(const FunctionCallbackInfo<Value>& args);
  static void Reset(const FunctionCallbackInfo<Value>& args);
  static void Close(const FunctionCallbackInfo<Value>& args);

 private:
  void MakeWeak() {
    object_.SetWeak(this, OnWeak, v8::WeakCallbackType::kParameter);
  }
  static void OnWeak(const v8::WeakCallbackInfo<CompressionHandle>& info) {
    CompressionHandle* self = info.GetParameter();
    self->object_.Reset();
    info.SetSecondPassCallback(Delete);
  }
  static void Delete(const v8::WeakCallbackInfo<CompressionHandle>& info) {
    delete info.GetParameter();
  }

  // Checks shared by the calls that use the codec. Only write() refuses a
  // pending write; params() and reset() wait for it.
  bool CheckUsable(Isolate* isolate, const char* what) {
    if (!init_done_) {
      THROW_ERR_INVALID_STATE(isolate, std::string(what) + " before init");
      return false;
    }
    if (closed_ || pending_close_) {
      THROW_ERR_INVALID_STATE(isolate, "zlib binding closed");
      return false;
    }
    return true;
  }

  // Applies a params()/reset() that came while the threadpool had the
  // codec. The first failure is returned.
  CodecError ApplyDeferred() {
    CodecError error;
    if (pending_reset_) {
      pending_reset_ = false;
      error = codec_->Reset();
      memory_.Report(env_->isolate());
    }
    if (pending_params_) {
      pending_params_ = false;
      static_cast<ZlibCodec*>(codec_.get())
          ->SetParams(pending_level_, pending_strategy_);
    }
    return error;
  }

  bool SetWriteTargets(Isolate* isolate, Local<Value> result,
                       Local<Value> callback) {
    if (!result->IsUint32Array() ||
        result.As<Uint32Array>()->Length() < 2) {
      THROW_ERR_INVALID_ARG_TYPE(
          isolate, "The write result must be a Uint32Array of 2 elements");
      return false;
    }
    if (!callback->IsFunction()) {
      THROW_ERR_INVALID_ARG_TYPE(isolate,
                                 "The write callback must be a function");
      return false;
    }
    Local<Uint32Array> array = result.As<Uint32Array>();
    result_store_ = array->Buffer()->GetBackingStore();
    result_offset_ = array->ByteOffset();
    write_callback_.Reset(isolate, callback.As<Function>());
    return true;
  }

  // After a step: what is left of the buffers goes to the shared array,
  // or the failure to onerror. True when the step succeeded.
  bool Finish(bool from_loop) {
    uint32_t avail_out = 0, avail_in = 0;
    codec_->Remaining(&avail_out, &avail_in);
    CodecError error = codec_->Error();
    CodecError deferred = ApplyDeferred();
    if (!error.failed) error = deferred;
    if (error.failed) {
      EmitError(error, from_loop);
      return false;
    }
    StoreResult(avail_out, avail_in);
    return true;
  }

  void StoreResult(uint32_t avail_out, uint32_t avail_in) {
    if (result_store_ == nullptr || result_store_->Data() == nullptr ||
        result_store_->ByteLength() < result_offset_ + 2 * sizeof(uint32_t)) {
      return;
    }
    uint32_t pair[2] = {avail_out, avail_in};
    memcpy(static_cast<char*>(result_store_->Data()) + result_offset_, pair,
           sizeof(pair));
  }

  // Calls onerror(message, errno, code). From the loop the call is a
  // MakeCallback; from a JS call an exception propagates to the caller.
  // False when the JS callback threw.
  bool EmitError(const CodecError& error, bool from_loop) {
    Isolate* isolate = env_->isolate();
    Local<Context> context = env_->context();
    Local<Object> object = object_.Get(isolate);
    Local<Value> argv[3] = {
        Utf8String(isolate, error.message),
        Integer::New(isolate, error.err),
        Utf8String(isolate, error.code),
    };
    bool ok = true;
    Local<Value> onerror;
    if (object->Get(context, FIXED_ONE_BYTE_STRING(isolate, "onerror"))
            .ToLocal(&onerror)) {
      if (onerror->IsFunction()) {
        if (from_loop) {
          ok = !MakeCallback(env_, object, onerror.As<Function>(), 3, argv)
                    .IsEmpty();
        } else {
          ok = !onerror.As<Function>()->Call(context, object, 3, argv)
                    .IsEmpty();
        }
      }
    } else {
      ok = false;
    }
    if (pending_close_) CloseNow();
    return ok;
  }

  void CloseNow() {
    if (write_in_progress_) {
      pending_close_ = true;
      return;
    }
    pending_close_ = false;
    closed_ = true;
    codec_->Close();
    memory_.Report(env_->isolate());
  }

  // Runs `work` on the threadpool, the handle kept alive until `after`;
  // what write()/writeWhole() set up for it is dropped if libuv refuses.
  bool QueueWork(Isolate* isolate, uv_work_cb work, uv_after_work_cb after) {
    write_in_progress_ = true;
    object_.ClearWeak();
    int err = uv_queue_work(env_->loop(), &work_, work, after);
    if (err == 0) {
      tracing::TraceWorkQueued("zlib", this);
      return true;
    }
    write_in_progress_ = false;
    in_store_.reset();
    out_store_.reset();
    whole_job_.reset();
    whole_callback_.Reset();
    MakeWeak();
    ThrowUVException(isolate, err, "uv_queue_work");
    return false;
  }

  static void DoWork(uv_work_t* req) {
    tracing::ScopedWorkTrace trace("zlib");
    static_cast<CompressionHandle*>(req->data)->codec_->Work();
  }

  static void DoWholeWork(uv_work_t* req) {
    tracing::ScopedWorkTrace trace("zlib");
    static_cast<CompressionHandle*>(req->data)->whole_job_->Run();
  }

  // Calls the callback of writeWhole() with (output, consumed), or with
  // nothing when libdeflate gave up.
  static void AfterWholeWork(uv_work_t* req, int status) {
    CompressionHandle* self = static_cast<CompressionHandle*>(req->data);
    tracing::TraceWorkDone("zlib", self, status);
    self->write_in_progress_ = false;
    self->in_store_.reset();
    std::unique_ptr<WholeJob> job = std::move(self->whole_job_);
    Environment* env = self->env_;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Local<Object> object = self->object_.Get(isolate);
    self->MakeWeak();
    Local<Function> callback = self->whole_callback_.Get(isolate);
    self->whole_callback_.Reset();
    if (status == UV_ECANCELED || !env->can_call_into_js()) {
      self->CloseNow();
      return;
    }
    Context::Scope context_scope(env->context());
    if (self->pending_close_) {
      self->CloseNow();
      return;
    }
    if (job->ok()) {
      Local<Value> argv[2] = {
          job->Release(isolate),
          v8::Number::New(isolate, static_cast<double>(job->consumed())),
      };
      MakeCallback(env, object, callback, 2, argv);
    } else {
      MakeCallback(env, object, callback, 0, nullptr);
    }
  }

  static void AfterWork(uv_work_t* req, int status) {
    CompressionHandle* self = static_cast<CompressionHandle*>(req->data);
    tracing::TraceWorkDone("zlib", self, status);
    self->write_in_progress_ = false;
    self->in_store_.reset();
    self->out_store_.reset();
    Environment* env = self->env_;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Local<Object> object = self->object_.Get(isolate);
    // Weak again; `object` keeps it alive until this function returns.
    self->MakeWeak();
    self->memory_.Report(isolate);
    if (status == UV_ECANCELED || !env->can_call_into_js()) {
      self->CloseNow();
      return;
    }
    Context::Scope context_scope(env->context());
    // An error goes to onerror instead of the write callback.
    if (!self->Finish(true)) return;
    MakeCallback(env, object, self->write_callback_.Get(isolate), 0, nullptr);
    if (self->pending_close_) self->CloseNow();
  }

  Environment* env_;
  Kind kind_;
  Global<Object> object_;
  CodecMemory memory_;  // declared before codec_: outlives it
  std::unique_ptr<Codec> codec_;
  Global<Function> write_callback_;
  std::shared_ptr<BackingStore> result_store_;
  size_t result_offset_ = 0;
  // The buffers a threadpool write reads and fills, held until it is done
  // (a detach meanwhile cannot free them).
  std::shared_ptr<BackingStore> in_store_;
  std::shared_ptr<BackingStore> out_store_;
  uv_work_t work_;
  // A writeWhole() on the threadpool.
  std::unique_ptr<WholeJob> whole_job_;
  Global<Function> whole_callback_;
  bool init_done_ = false;
  bool write_in_progress_ = false;
  bool pending_close_ = false;
  bool pending_reset_ = false;
  bool pending_params_ = false;
  int pending_level_ = 0;
  int pending_strategy_ = 0;
  bool closed_ = false;
};

template <Kind kKind>
void CompressionHandle::New(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args.IsConstructCall()) {
    isolate->ThrowException(Exception::TypeError(FIXED_ONE_BYTE_STRING(
        isolate, "Class constructor cannot be invoked without 'new'")));
    return;
  }
  Mode mode = kNone;
  if (args[0]->IsInt32()) {
    mode = static_cast<Mode>(args[0].As<v8::Int32>()->Value());
  }
  bool valid;
  switch (kKind) {
    case Kind::kZlib:
      valid = mode >= kDeflate && mode <= kUnzip;
      break;
    case Kind::kBrotliEncoder:
      valid = mode == kBrotliEncode;
      break;
    case Kind::kBrotliDecoder:
      valid = mode == kBrotliDecode;
      break;
    case Kind::kZstdCompress:
      valid = mode == kZstdCompress;
      break;
    case Kind::kZstdDecompress:
      valid = mode == kZstdDecompress;
      break;
  }
  if (!valid) {
    THROW_ERR_INVALID_ARG_VALUE(isolate, "Bad argument");
    return;
  }
  new CompressionHandle(Environment::GetCurrent(args), args.This(), kKind,
                        mode);
}

bool GetInt32InRange(Isolate* isolate, Local<Value> value, const char* name,
                     int min, int max, int* out) {
  if (!value->IsInt32() || value.As<v8::Int32>()->Value() < min ||
      value.As<v8::Int32>()->Value() > max) {
    THROW_ERR_OUT_OF_RANGE(isolate, std::string("Invalid ") + name);
    return false;
  }
  *out = value.As<v8::Int32>()->Value();
  return true;
}

// init(windowBits, level, memLevel, strategy, writeResult, writeCallback,
//      dictionary)
void CompressionHandle::InitZlib(const FunctionCallbackInfo<Value>& args) {
  CompressionHandle* self = From(args);
  if (self == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  if (self->init_done_) {
    THROW_ERR_INVALID_STATE(isolate, "The zlib handle is already initialized");
    return;
  }
  auto* codec = static_cast<ZlibCodec*>(self->codec_.get());
  int window_bits, level, mem_level, strategy;
  if (!GetInt32InRange(isolate, args[0], "windowBits", 0, 15, &window_bits) ||
      !GetInt32InRange(isolate, args[1], "level", -1, 9, &level) ||
      !GetInt32InRange(isolate, args[2], "memLevel", 1, 9, &mem_level) ||
      !GetInt32InRange(isolate, args[3], "strategy", 0, 4, &strategy)) {
    return;
  }
  if (!self->SetWriteTargets(isolate, args[4], args[5])) return;
  std::vector<uint8_t> dictionary;
  if (args[6]->IsArrayBufferView()) {
    Local<ArrayBufferView> view = args[6].As<ArrayBufferView>();
    dictionary.resize(view->ByteLength());
    if (!dictionary.empty()) {
      view->CopyContents(dictionary.data(), dictionary.size());
    }
  } else if (!args[6]->IsUndefined()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate,
                               "The dictionary must be an ArrayBufferView");
    return;
  }
  codec->Configure(window_bits, level, mem_level, strategy,
                   std::move(dictionary));
  self->init_done_ = true;
  args.GetReturnValue().Set(true);
}

// init(params, writeResult, writeCallback): params[i] is the value of
// parameter i, or 0xFFFFFFFF to keep the default.
template <Kind kKind>
void CompressionHandle::InitBrotli(const FunctionCallbackInfo<Value>& args) {
  CompressionHandle* self = From(args);
  if (self == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  if (self->init_done_) {
    THROW_ERR_INVALID_STATE(isolate, "The zlib handle is already initialized");
    return;
  }
  if (!args[0]->IsUint32Array()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate,
                               "The params must be a Uint32Array");
    return;
  }
  if (!self->SetWriteTargets(isolate, args[1], args[2])) return;
  Local<Uint32Array> params = args[0].As<Uint32Array>();
  std::vector<uint32_t> values(params->Length());
  if (!values.empty()) {
    params->CopyContents(values.data(), values.size() * sizeof(uint32_t));
  }
  bool ok;
  if constexpr (kKind == Kind::kBrotliEncoder) {
    auto* codec = static_cast<BrotliEncoderCodec*>(self->codec_.get());
    ok = codec->Create();
    for (uint32_t i = 0; ok && i < values.size(); i++) {
      if (values[i] != UINT32_MAX) ok = codec->SetParameter(i, values[i]);
    }
  } else {
    auto* codec = static_cast<BrotliDecoderCodec*>(self->codec_.get());
    ok = codec->Create();
    for (uint32_t i = 0; ok && i < values.size(); i++) {
      if (values[i] != UINT32_MAX) ok = codec->SetParameter(i, values[i]);
    }
  }
  self->memory_.Report(isolate);
  if (!ok) {
    self->codec_->Close();
    self->memory_.Report(isolate);
    ThrowInitFailed(isolate);
    return;
  }
  self->init_done_ = true;
  args.GetReturnValue().Set(true);
}

// init(params, pledgedSrcSize, writeResult, writeCallback, dictionary):
// params[i] is the value of parameter i or 0xFFFFFFFF (the default);
// pledgedSrcSize is a number (anything else: unknown); dictionary is a view
// or undefined.
template <Kind kKind>
void CompressionHandle::InitZstd(const FunctionCallbackInfo<Value>& args) {
  CompressionHandle* self = From(args);
  if (self == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  if (self->init_done_) {
    THROW_ERR_INVALID_STATE(isolate, "The zlib handle is already initialized");
    return;
  }
  if (!args[0]->IsUint32Array()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "The params must be a Uint32Array");
    return;
  }
  uint64_t pledged_src_size = ZSTD_CONTENTSIZE_UNKNOWN;
  if (args[1]->IsNumber()) {
    // As an integer, the way V8 truncates it (NaN is 0).
    double size = std::trunc(args[1].As<v8::Number>()->Value());
    if (std::isnan(size)) size = 0;
    if (size < 0) {
      THROW_ERR_INVALID_ARG_VALUE(isolate,
                                  "pledgedSrcSize may not be negative");
      return;
    }
    pledged_src_size = size >= 9223372036854775807.0
                           ? static_cast<uint64_t>(INT64_MAX)
                           : static_cast<uint64_t>(size);
  }
  std::vector<uint8_t> dictionary;
  if (args[4]->IsArrayBufferView()) {
    Local<ArrayBufferView> view = args[4].As<ArrayBufferView>();
    dictionary.resize(view->ByteLength());
    if (!dictionary.empty()) {
      view->CopyContents(dictionary.data(), dictionary.size());
    }
  } else if (!args[4]->IsUndefined()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate,
                               "The dictionary must be an ArrayBufferView");
    return;
  }
  if (!self->SetWriteTargets(isolate, args[2], args[3])) return;
  Local<Uint32Array> params = args[0].As<Uint32Array>();
  std::vector<uint32_t> values(params->Length());
  if (!values.empty()) {
    params->CopyContents(values.data(), values.size() * sizeof(uint32_t));
  }
  using Codec = std::conditional_t<kKind == Kind::kZstdCompress,
                                   ZstdCompressCodec, ZstdDecompressCodec>;
  auto* codec = static_cast<Codec*>(self->codec_.get());
  const char* failure;
  if constexpr (kKind == Kind::kZstdCompress) {
    failure = codec->Create(pledged_src_size, dictionary);
  } else {
    failure = codec->Create(dictionary);
  }
  for (uint32_t i = 0; failure == nullptr && i < values.size(); i++) {
    if (values[i] != UINT32_MAX && !codec->SetParameter(i, values[i])) {
      failure = "Setting parameter failed";
    }
  }
  self->memory_.Report(isolate);
  if (failure != nullptr) {
    codec->Close();
    self->memory_.Report(isolate);
    ThrowInitFailed(isolate, failure);
    return;
  }
  self->init_done_ = true;
  args.GetReturnValue().Set(true);
}

// write(flush, in, in_off, in_len, out, out_off, out_len); `in` may be
// undefined (a flush with no input).
template <bool kAsync>
void CompressionHandle::Write(const FunctionCallbackInfo<Value>& args) {
  CompressionHandle* self = From(args);
  if (self == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  if (!self->CheckUsable(isolate, "write")) return;
  if (self->write_in_progress_) {
    THROW_ERR_INVALID_STATE(isolate, "write while a write is pending");
    return;
  }
  if (!args[0]->IsUint32() ||
      !self->codec_->IsValidFlush(args[0].As<v8::Uint32>()->Value())) {
    THROW_ERR_INVALID_ARG_VALUE(isolate, "Invalid flush value");
    return;
  }
  uint32_t flush = args[0].As<v8::Uint32>()->Value();
  std::shared_ptr<BackingStore> in_store, out_store;
  uint8_t* in = nullptr;
  uint8_t* out = nullptr;
  uint32_t in_len = 0, out_len = 0;
  if (!args[1]->IsUndefined() &&
      !GetRange(isolate, args[1], args[2], args[3], "in", &in_store, &in,
                &in_len)) {
    return;
  }
  if (!GetRange(isolate, args[4], args[5], args[6], "out", &out_store, &out,
                &out_len)) {
    return;
  }
  self->codec_->Prepare(flush, in, in_len, out, out_len);
  if constexpr (kAsync) {
    self->in_store_ = std::move(in_store);
    self->out_store_ = std::move(out_store);
    self->QueueWork(isolate, DoWork, AfterWork);
  } else {
    self->codec_->Work();
    self->memory_.Report(isolate);
    self->Finish(false);
  }
}

// writeWhole(input, maxOutputLength[, callback]): the whole-buffer path
// (see WholeJob) for a zlib handle that has not run yet. False when the
// handle's options are not ones it implements; the caller uses write().
// Without a callback: [output ArrayBuffer, bytes consumed], or undefined
// when libdeflate gave up (the caller then uses writeSync() on the same
// input). With one: true, and later callback(output, consumed) or
// callback() from the loop.
template <bool kAsync>
void CompressionHandle::WriteWhole(const FunctionCallbackInfo<Value>& args) {
  CompressionHandle* self = From(args);
  if (self == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  if (!self->CheckUsable(isolate, "writeWhole")) return;
  if (self->write_in_progress_) {
    THROW_ERR_INVALID_STATE(isolate, "write while a write is pending");
    return;
  }
  if (!args[0]->IsArrayBufferView()) {
    THROW_ERR_INVALID_ARG_TYPE(
        isolate,
        "The \"in\" argument must be an instance of Buffer, TypedArray, or "
        "DataView.");
    return;
  }
  if (!args[1]->IsNumber() || !(args[1].As<v8::Number>()->Value() >= 1)) {
    THROW_ERR_OUT_OF_RANGE(isolate, "Invalid maxOutputLength");
    return;
  }
  if (kAsync && !args[2]->IsFunction()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate,
                               "The write callback must be a function");
    return;
  }
  int level = 0;
  if (self->kind_ != Kind::kZlib || self->pending_reset_ ||
      self->pending_params_ ||
      !static_cast<ZlibCodec*>(self->codec_.get())->WholeEligible(&level)) {
    args.GetReturnValue().Set(false);
    return;
  }
  Local<ArrayBufferView> view = args[0].As<ArrayBufferView>();
  size_t in_len = view->ByteLength();
  std::shared_ptr<BackingStore> store = view->Buffer()->GetBackingStore();
  const uint8_t* in = static_cast<const uint8_t*>(store->Data());
  if (in != nullptr) in += view->ByteOffset();
  Mode mode = static_cast<ZlibCodec*>(self->codec_.get())->mode();
  bool compress = mode == kDeflate || mode == kGzip || mode == kDeflateRaw;
  if ((compress && in_len < WholeJob::kMinWholeCompress) ||
      in_len > std::numeric_limits<uint32_t>::max()) {
    args.GetReturnValue().Set(false);
    return;
  }
  double max_value = args[1].As<v8::Number>()->Value();
  size_t max_out = max_value >= 9007199254740992.0
                       ? std::numeric_limits<size_t>::max()
                       : static_cast<size_t>(max_value);
  static const uint8_t kEmpty = 0;
  auto job = std::make_unique<WholeJob>(
      mode, level, in != nullptr ? in : &kEmpty, in_len, max_out);
  if constexpr (kAsync) {
    self->whole_job_ = std::move(job);
    self->in_store_ = std::move(store);
    self->whole_callback_.Reset(isolate, args[2].As<Function>());
    if (!self->QueueWork(isolate, DoWholeWork, AfterWholeWork)) return;
    args.GetReturnValue().Set(true);
  } else {
    job->Run();
    if (!job->ok()) return;
    Local<Context> context = isolate->GetCurrentContext();
    Local<v8::Array> result = v8::Array::New(isolate, 2);
    if (result->Set(context, 0, job->Release(isolate)).IsNothing() ||
        result->Set(context, 1,
                    v8::Number::New(isolate,
                                    static_cast<double>(job->consumed())))
            .IsNothing()) {
      return;
    }
    args.GetReturnValue().Set(result);
  }
}

// params(level, strategy): new deflate parameters (zlib handles); brotli
// handles accept the call and change nothing, as in Node.
void CompressionHandle::Params(const FunctionCallbackInfo<Value>& args) {
  CompressionHandle* self = From(args);
  if (self == nullptr) return;
  if (self->kind_ != Kind::kZlib) return;
  Isolate* isolate = args.GetIsolate();
  if (!self->CheckUsable(isolate, "params")) return;
  int level, strategy;
  if (!GetInt32InRange(isolate, args[0], "level", -1, 9, &level) ||
      !GetInt32InRange(isolate, args[1], "strategy", 0, 4, &strategy)) {
    return;
  }
  if (self->write_in_progress_) {
    self->pending_params_ = true;
    self->pending_level_ = level;
    self->pending_strategy_ = strategy;
    return;
  }
  static_cast<ZlibCodec*>(self->codec_.get())->SetParams(level, strategy);
}

void CompressionHandle::Reset(const FunctionCallbackInfo<Value>& args) {
  CompressionHandle* self = From(args);
  if (self == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  if (!self->CheckUsable(isolate, "reset")) return;
  if (self->write_in_progress_) {
    // After the write: its output belongs to the stream before the reset.
    self->pending_reset_ = true;
    return;
  }
  CodecError error = self->codec_->Reset();
  self->memory_.Report(isolate);
  if (error.failed) self->EmitError(error, false);
}

void CompressionHandle::Close(const FunctionCallbackInfo<Value>& args) {
  CompressionHandle* self = From(args);
  if (self == nullptr) return;
  self->CloseNow();
}

// crc32(data, value): data is a string (as UTF-8) or a view.
void Crc32(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  uint32_t value = 0;
  if (args[1]->IsUint32()) {
    value = args[1].As<v8::Uint32>()->Value();
  } else if (!args[1]->IsUndefined()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate,
                               "The \"value\" argument must be a uint32");
    return;
  }
  uLong crc = value;
  if (args[0]->IsString()) {
    Utf8Value data(isolate, args[0]);
    crc = crc32_z(crc, reinterpret_cast<const Bytef*>(data.c_str()),
                  data.length());
  } else if (args[0]->IsArrayBufferView()) {
    Local<ArrayBufferView> view = args[0].As<ArrayBufferView>();
    size_t length = view->ByteLength();
    if (length > 0) {
      std::shared_ptr<BackingStore> store =
          view->Buffer()->GetBackingStore();
      const Bytef* bytes =
          static_cast<const Bytef*>(store->Data()) + view->ByteOffset();
      crc = crc32_z(crc, bytes, length);
    }
  } else {
    THROW_ERR_INVALID_ARG_TYPE(
        isolate,
        "The \"data\" argument must be of type string or an instance of "
        "Buffer, TypedArray, or DataView.");
    return;
  }
  args.GetReturnValue().Set(
      Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(crc)));
}

template <Kind kKind>
Local<FunctionTemplate> MakeHandleTemplate(Isolate* isolate) {
  Local<FunctionTemplate> t =
      NewFunctionTemplate(isolate, CompressionHandle::New<kKind>);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  // Node's order of the prototype's methods.
  SetProtoMethod(isolate, t, "write", CompressionHandle::Write<true>);
  SetProtoMethod(isolate, t, "writeSync", CompressionHandle::Write<false>);
  SetProtoMethod(isolate, t, "close", CompressionHandle::Close);
  if constexpr (kKind == Kind::kZlib) {
    SetProtoMethod(isolate, t, "init", CompressionHandle::InitZlib);
    SetProtoMethod(isolate, t, "writeWhole",
                   CompressionHandle::WriteWhole<true>);
    SetProtoMethod(isolate, t, "writeWholeSync",
                   CompressionHandle::WriteWhole<false>);
  } else if constexpr (kKind == Kind::kZstdCompress ||
                       kKind == Kind::kZstdDecompress) {
    SetProtoMethod(isolate, t, "init", CompressionHandle::InitZstd<kKind>);
  } else {
    SetProtoMethod(isolate, t, "init", CompressionHandle::InitBrotli<kKind>);
  }
  SetProtoMethod(isolate, t, "params", CompressionHandle::Params);
  SetProtoMethod(isolate, t, "reset", CompressionHandle::Reset);
  return t;
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  SetConstructorFunction(context, target, "Zlib",
                         MakeHandleTemplate<Kind::kZlib>(isolate));
  SetConstructorFunction(context, target, "BrotliEncoder",
                         MakeHandleTemplate<Kind::kBrotliEncoder>(isolate));
  SetConstructorFunction(context, target, "BrotliDecoder",
                         MakeHandleTemplate<Kind::kBrotliDecoder>(isolate));
  SetConstructorFunction(context, target, "ZstdCompress",
                         MakeHandleTemplate<Kind::kZstdCompress>(isolate));
  SetConstructorFunction(context, target, "ZstdDecompress",
                         MakeHandleTemplate<Kind::kZstdDecompress>(isolate));
  SetMethod(context, target, "crc32", Crc32);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(CompressionHandle::New<Kind::kZlib>);
  registry->Register(CompressionHandle::New<Kind::kBrotliEncoder>);
  registry->Register(CompressionHandle::New<Kind::kBrotliDecoder>);
  registry->Register(CompressionHandle::New<Kind::kZstdCompress>);
  registry->Register(CompressionHandle::New<Kind::kZstdDecompress>);
  registry->Register(CompressionHandle::InitZlib);
  registry->Register(CompressionHandle::InitBrotli<Kind::kBrotliEncoder>);
  registry->Register(CompressionHandle::InitBrotli<Kind::kBrotliDecoder>);
  registry->Register(CompressionHandle::InitZstd<Kind::kZstdCompress>);
  registry->Register(CompressionHandle::InitZstd<Kind::kZstdDecompress>);
  registry->Register(CompressionHandle::Write<true>);
  registry->Register(CompressionHandle::Write<false>);
  registry->Register(CompressionHandle::WriteWhole<true>);
  registry->Register(CompressionHandle::WriteWhole<false>);
  registry->Register(CompressionHandle::Params);
  registry->Register(CompressionHandle::Reset);
  registry->Register(CompressionHandle::Close);
  registry->Register(Crc32);
}

}  // namespace

// zlib.constants, in Node 24's order; internalBinding('constants').zlib.
void DefineConstants(Local<Context> context, Local<Object> target) {
  struct Constant {
    const char* name;
    double value;
  };
  static const Constant kConstants[] = {
#define Z(name) {#name, static_cast<double>(name)},
      Z(Z_NO_FLUSH) Z(Z_PARTIAL_FLUSH) Z(Z_SYNC_FLUSH) Z(Z_FULL_FLUSH)
      Z(Z_FINISH) Z(Z_BLOCK)
      Z(Z_OK) Z(Z_STREAM_END) Z(Z_NEED_DICT) Z(Z_ERRNO) Z(Z_STREAM_ERROR)
      Z(Z_DATA_ERROR) Z(Z_MEM_ERROR) Z(Z_BUF_ERROR) Z(Z_VERSION_ERROR)
      Z(Z_NO_COMPRESSION) Z(Z_BEST_SPEED) Z(Z_BEST_COMPRESSION)
      Z(Z_DEFAULT_COMPRESSION)
      Z(Z_FILTERED) Z(Z_HUFFMAN_ONLY) Z(Z_RLE) Z(Z_FIXED)
      Z(Z_DEFAULT_STRATEGY) Z(ZLIB_VERNUM)
      {"DEFLATE", kDeflate}, {"INFLATE", kInflate}, {"GZIP", kGzip},
      {"GUNZIP", kGunzip}, {"DEFLATERAW", kDeflateRaw},
      {"INFLATERAW", kInflateRaw}, {"UNZIP", kUnzip},
      {"BROTLI_DECODE", kBrotliDecode}, {"BROTLI_ENCODE", kBrotliEncode},
      {"ZSTD_DECOMPRESS", kZstdDecompress}, {"ZSTD_COMPRESS", kZstdCompress},
      {"Z_MIN_WINDOWBITS", 8}, {"Z_MAX_WINDOWBITS", 15},
      {"Z_DEFAULT_WINDOWBITS", 15},
      {"Z_MIN_CHUNK", 64},
      {"Z_MAX_CHUNK", std::numeric_limits<double>::infinity()},
      {"Z_DEFAULT_CHUNK", 16 * 1024},
      {"Z_MIN_MEMLEVEL", 1}, {"Z_MAX_MEMLEVEL", 9},
      {"Z_DEFAULT_MEMLEVEL", 8},
      {"Z_MIN_LEVEL", -1}, {"Z_MAX_LEVEL", 9},
      {"Z_DEFAULT_LEVEL", Z_DEFAULT_COMPRESSION},
      Z(BROTLI_OPERATION_PROCESS) Z(BROTLI_OPERATION_FLUSH)
      Z(BROTLI_OPERATION_FINISH) Z(BROTLI_OPERATION_EMIT_METADATA)
      Z(BROTLI_PARAM_MODE) Z(BROTLI_MODE_GENERIC) Z(BROTLI_MODE_TEXT)
      Z(BROTLI_MODE_FONT) Z(BROTLI_DEFAULT_MODE) Z(BROTLI_PARAM_QUALITY)
      Z(BROTLI_MIN_QUALITY) Z(BROTLI_MAX_QUALITY) Z(BROTLI_DEFAULT_QUALITY)
      Z(BROTLI_PARAM_LGWIN) Z(BROTLI_MIN_WINDOW_BITS)
      Z(BROTLI_MAX_WINDOW_BITS) Z(BROTLI_LARGE_MAX_WINDOW_BITS)
      Z(BROTLI_DEFAULT_WINDOW) Z(BROTLI_PARAM_LGBLOCK)
      Z(BROTLI_MIN_INPUT_BLOCK_BITS) Z(BROTLI_MAX_INPUT_BLOCK_BITS)
      Z(BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING)
      Z(BROTLI_PARAM_SIZE_HINT) Z(BROTLI_PARAM_LARGE_WINDOW)
      Z(BROTLI_PARAM_NPOSTFIX) Z(BROTLI_PARAM_NDIRECT)
      Z(BROTLI_DECODER_RESULT_ERROR) Z(BROTLI_DECODER_RESULT_SUCCESS)
      Z(BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT)
      Z(BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT)
      Z(BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION)
      Z(BROTLI_DECODER_PARAM_LARGE_WINDOW)
#define B(PREFIX, NAME, CODE) \
  {"BROTLI_DECODER" #PREFIX #NAME, static_cast<double>(CODE)},
#define SEPARATOR
      BROTLI_DECODER_ERROR_CODES_LIST(B, SEPARATOR)
#undef SEPARATOR
#undef B
#undef Z
      // zstd's public numbers (ZSTD_EndDirective, ZSTD_strategy,
      // ZSTD_cParameter, ZSTD_dParameter, ZSTD_ErrorCode).
      {"ZSTD_e_continue", 0}, {"ZSTD_e_flush", 1}, {"ZSTD_e_end", 2},
      {"ZSTD_fast", 1}, {"ZSTD_dfast", 2}, {"ZSTD_greedy", 3},
      {"ZSTD_lazy", 4}, {"ZSTD_lazy2", 5}, {"ZSTD_btlazy2", 6},
      {"ZSTD_btopt", 7}, {"ZSTD_btultra", 8}, {"ZSTD_btultra2", 9},
      {"ZSTD_c_compressionLevel", 100}, {"ZSTD_c_windowLog", 101},
      {"ZSTD_c_hashLog", 102}, {"ZSTD_c_chainLog", 103},
      {"ZSTD_c_searchLog", 104}, {"ZSTD_c_minMatch", 105},
      {"ZSTD_c_targetLength", 106}, {"ZSTD_c_strategy", 107},
      {"ZSTD_c_enableLongDistanceMatching", 160},
      {"ZSTD_c_ldmHashLog", 161}, {"ZSTD_c_ldmMinMatch", 162},
      {"ZSTD_c_ldmBucketSizeLog", 163}, {"ZSTD_c_ldmHashRateLog", 164},
      {"ZSTD_c_contentSizeFlag", 200}, {"ZSTD_c_checksumFlag", 201},
      {"ZSTD_c_dictIDFlag", 202}, {"ZSTD_c_nbWorkers", 400},
      {"ZSTD_c_jobSize", 401}, {"ZSTD_c_overlapLog", 402},
      {"ZSTD_d_windowLogMax", 100}, {"ZSTD_CLEVEL_DEFAULT", 3},
      {"ZSTD_error_no_error", 0}, {"ZSTD_error_GENERIC", 1},
      {"ZSTD_error_prefix_unknown", 10},
      {"ZSTD_error_version_unsupported", 12},
      {"ZSTD_error_frameParameter_unsupported", 14},
      {"ZSTD_error_frameParameter_windowTooLarge", 16},
      {"ZSTD_error_corruption_detected", 20},
      {"ZSTD_error_checksum_wrong", 22},
      {"ZSTD_error_literals_headerWrong", 24},
      {"ZSTD_error_dictionary_corrupted", 30},
      {"ZSTD_error_dictionary_wrong", 32},
      {"ZSTD_error_dictionaryCreation_failed", 34},
      {"ZSTD_error_parameter_unsupported", 40},
      {"ZSTD_error_parameter_combination_unsupported", 41},
      {"ZSTD_error_parameter_outOfBound", 42},
      {"ZSTD_error_tableLog_tooLarge", 44},
      {"ZSTD_error_maxSymbolValue_tooLarge", 46},
      {"ZSTD_error_maxSymbolValue_tooSmall", 48},
      {"ZSTD_error_stabilityCondition_notRespected", 50},
      {"ZSTD_error_stage_wrong", 60}, {"ZSTD_error_init_missing", 62},
      {"ZSTD_error_memory_allocation", 64},
      {"ZSTD_error_workSpace_tooSmall", 66},
      {"ZSTD_error_dstSize_tooSmall", 70},
      {"ZSTD_error_srcSize_wrong", 72},
      {"ZSTD_error_dstBuffer_null", 74},
      {"ZSTD_error_noForwardProgress_destFull", 80},
      {"ZSTD_error_noForwardProgress_inputEmpty", 82},
  };
  Isolate* isolate = context->GetIsolate();
  // Read-only, as Node defines them (zlib.constants.Z_OK = 1 throws in
  // strict code).
  const auto attributes =
      static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontDelete);
  for (const Constant& c : kConstants) {
    if (target
            ->DefineOwnProperty(context, OneByteString(isolate, c.name),
                                v8::Number::New(isolate, c.value), attributes)
            .IsNothing()) {
      return;
    }
  }
}

}  // namespace lode::zlib

LODE_BINDING_CONTEXT_AWARE_INTERNAL(zlib, lode::zlib::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(zlib, lode::zlib::RegisterExternalReferences)
