// What the files of internalBinding('crypto') share: OpenSSL errors turned
// into JS errors with Node's codes, byte access to buffers, digest lookup,
// and CryptoJob, the base of every operation that runs either at once or on
// the libuv threadpool (random bytes, key derivation, one-shot digests).
//
// The binding is split by concern: lode_crypto.cc (registration, lists,
// constants, timingSafeEqual), lode_crypto_hash.cc (Hash, Hmac, one-shot
// digests), lode_crypto_random.cc (random bytes, primes),
// lode_crypto_kdf.cc (PBKDF2, scrypt, HKDF), lode_crypto_cipher.cc
// (CipherBase, getCipherInfo), lode_crypto_keys.cc (asymmetric key
// handles: parsing, export, JWK, details), lode_crypto_keygen.cc (key pair
// generation), lode_crypto_sig.cc (Sign/Verify, one-shot signatures, RSA
// encryption), lode_crypto_dh.cc (DiffieHellman, ECDH, diffieHellman()),
// lode_crypto_x509.cc (X509Certificate, SPKAC), lode_crypto_webjobs.cc
// (Web Crypto's AES, RSA-OAEP and HMAC jobs).
#ifndef SRC_LODE_CRYPTO_H_
#define SRC_LODE_CRYPTO_H_

#include <openssl/bn.h>
#include <openssl/evp.h>

#include <memory>
#include <string>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "util.h"
#include "uv.h"
#include "v8.h"

namespace lode {
struct Options;
}

namespace lode::crypto {

// At start-up, before any isolate: OpenSSL's configuration (--openssl-config,
// --openssl-shared-config), its legacy provider, FIPS mode (--enable-fips,
// --force-fips) and the secure heap (--secure-heap). Nothing is done when
// none of them is given. Returns 0, or the exit code after printing why the
// process cannot start.
int InitializeProcess(const Options& options, const char* argv0);

// --- Errors -----------------------------------------------------------------

enum class ErrorKind { kError, kTypeError, kRangeError };

// An error with a `code` property, as Node's C++ throws them
// ("Invalid key length", code ERR_CRYPTO_INVALID_KEYLEN).
v8::Local<v8::Value> CodedError(v8::Isolate* isolate, const char* code,
                                ErrorKind kind, const std::string& message);
void ThrowCodedError(v8::Isolate* isolate, const char* code, ErrorKind kind,
                     const std::string& message);

// The C++ object of `type` behind the receiver of a method, or nullptr after
// throwing ERR_INVALID_THIS ("Value of "this" must be of type <js_name>"),
// for a method called on an object that is not one (Klass.prototype.m.call).
template <typename T>
T* UnwrapThis(const v8::FunctionCallbackInfo<v8::Value>& args,
              const WrapType* type, const char* js_name) {
  T* object = static_cast<T*>(GetWrapped(args.This(), type));
  if (object == nullptr) {
    ThrowCodedError(args.GetIsolate(), "ERR_INVALID_THIS",
                    ErrorKind::kTypeError,
                    std::string("Value of \"this\" must be of type ") +
                        js_name);
  }
  return object;
}

// The error for OpenSSL error `err` (usually ERR_get_error()): its message
// is OpenSSL's string, with `library`, `reason` and a code like
// ERR_OSSL_EVP_UNSUPPORTED; the errors still queued become
// `opensslErrorStack`. When `err` is 0 and `fallback` is given, a plain
// Error with that message. Empties this thread's error queue.
v8::Local<v8::Value> OpenSSLError(v8::Isolate* isolate, unsigned long err,
                                  const char* fallback);
void ThrowOpenSSLError(v8::Isolate* isolate, unsigned long err,
                       const char* fallback);
// The same for errors drained earlier (oldest first), as a synchronous job
// reports them; `fallback` when the list is empty.
v8::Local<v8::Value> OpenSSLErrorFromList(
    v8::Isolate* isolate, const std::vector<unsigned long>& errors,
    const char* fallback);
// This thread's queued OpenSSL errors, oldest first; the queue is emptied.
// Jobs call it where the work ran (the queue is per thread).
std::vector<unsigned long> DrainErrors();
// The error a job reports: the message of the oldest error (or `fallback`
// when there is none) and the others as `opensslErrorStack`, as a plain
// Error without the decoration synchronous errors get, as in Node.
v8::Local<v8::Value> JobError(v8::Isolate* isolate,
                              const std::vector<unsigned long>& errors,
                              const char* fallback);

// Empties this thread's OpenSSL error queue when the scope ends, so that one
// operation's leftovers never decorate the next one's error.
class ClearErrorsOnReturn {
 public:
  ClearErrorsOnReturn();
  ~ClearErrorsOnReturn();
  LODE_DISALLOW_COPY(ClearErrorsOnReturn);
};

// --- Bytes ------------------------------------------------------------------

// The bytes of an ArrayBuffer, SharedArrayBuffer or ArrayBufferView, for the
// duration of a call. False for anything else.
struct ByteView {
  const unsigned char* data = nullptr;
  size_t length = 0;
};
bool GetByteView(v8::Local<v8::Value> value, ByteView* out);

// A copy of such bytes, which a job owns while it runs on the threadpool.
bool CopyBytes(v8::Local<v8::Value> value, std::vector<unsigned char>* out);

// An ArrayBuffer holding a copy of `data`.
v8::Local<v8::ArrayBuffer> ToArrayBuffer(v8::Isolate* isolate,
                                         const unsigned char* data,
                                         size_t length);

// Output memory that OpenSSL writes into and that then becomes an
// ArrayBuffer without a copy; unlike ArrayBuffer::New it is not cleared
// first. Empty (data() null) when `capacity` could not be allocated.
class OutputBytes {
 public:
  explicit OutputBytes(size_t capacity);
  ~OutputBytes();
  OutputBytes(const OutputBytes&) = delete;
  OutputBytes& operator=(const OutputBytes&) = delete;
  unsigned char* data() const { return data_; }
  // The first `length` (<= capacity) bytes as an ArrayBuffer, which takes
  // the memory over.
  v8::Local<v8::ArrayBuffer> Release(v8::Isolate* isolate, size_t length);

 private:
  unsigned char* data_;
};

// --- Algorithms -------------------------------------------------------------

// The digest called `name` (any OpenSSL name or alias: "sha256",
// "RSA-SHA256", "SHA512-256"), as its provider implementation when one can
// be fetched, else the legacy table's entry (whose use then fails with
// OpenSSL's "unsupported"). nullptr when OpenSSL knows no such name.
const EVP_MD* FindDigest(const std::string& name);

// A mode's label as getCipherInfo() reports it ("cbc", "gcm", "stream"...).
const char* CipherModeLabel(int mode);

// --- Jobs -------------------------------------------------------------------

enum JobMode { kJobSync = 0, kJobAsync = 1 };

// One operation, created from JS as `new XJob(mode, ...args)`. `run()` on a
// synchronous job does the work now and returns [error, result]; on an
// asynchronous one it queues the work on the threadpool and later calls
// `job.ondone(error)` or `job.ondone(undefined, result)` from the loop. The
// JS object is held strongly while the work is queued and weakly otherwise;
// the C++ object dies with it.
class CryptoJob {
 public:
  CryptoJob(Environment* env, JobMode mode, const char* resource_name);
  virtual ~CryptoJob();
  LODE_DISALLOW_COPY(CryptoJob);

  // Links the job to its JS object (done once the arguments are accepted).
  void Attach(v8::Local<v8::Object> object);

  static void Run(const v8::FunctionCallbackInfo<v8::Value>& args);

  // The environment went away (a worker ended) while the job was queued:
  // its completion must then touch neither V8 nor the environment.
  void Orphan() { env_ = nullptr; }

  static void RegisterExternalReferences(ExternalReferenceRegistry* registry);

 protected:
  // Any thread; must not touch V8.
  virtual void DoWork() = 0;
  // The main thread, after DoWork(): sets *error or *result. Returns false
  // with a JS exception pending when it could not build them.
  virtual bool Finish(v8::Isolate* isolate, v8::Local<v8::Value>* error,
                      v8::Local<v8::Value>* result) = 0;

  Environment* env() const { return env_; }
  JobMode mode() const { return mode_; }
  // The error of a failed job: decorated as OpenSSL errors are when the
  // job ran synchronously, plain (JobError) on the threadpool.
  v8::Local<v8::Value> FailureError(v8::Isolate* isolate,
                                    const std::vector<unsigned long>& errors,
                                    const char* fallback) const {
    return mode_ == kJobSync ? OpenSSLErrorFromList(isolate, errors, fallback)
                             : JobError(isolate, errors, fallback);
  }

 private:
  static void OnWork(uv_work_t* work);
  static void AfterWork(uv_work_t* work, int status);
  static void OnGC(const v8::WeakCallbackInfo<CryptoJob>& info);

  Environment* env_;
  JobMode mode_;
  const char* resource_name_;
  v8::Global<v8::Object> object_;
  uv_work_t work_;
  bool queued_ = false;
};

// `new XJob(mode, ...)` for a job class T that has
//   static std::unique_ptr<T> Create(Environment*, JobMode,
//                                    const v8::FunctionCallbackInfo<Value>&)
// returning nullptr with a JS exception pending when the arguments are
// refused.
template <typename T>
void NewJob(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!args.IsConstructCall() || !args[0]->IsInt32()) {
    ThrowCodedError(env->isolate(), "ERR_INVALID_ARG_TYPE",
                    ErrorKind::kTypeError, "Invalid job arguments");
    return;
  }
  int32_t mode = args[0].As<v8::Int32>()->Value();
  std::unique_ptr<T> job =
      T::Create(env, mode == kJobAsync ? kJobAsync : kJobSync, args);
  if (!job) return;
  job.release()->Attach(args.This());
}

// target[name] = a job class made by `constructor` (usually NewJob<T>),
// inheriting `run`.
void SetJobConstructor(v8::Local<v8::Context> context,
                       v8::Local<v8::Object> target, const char* name,
                       v8::FunctionCallback constructor);

// --- Objects owned by their JS wrapper --------------------------------------

// Base (CRTP) of a C++ object that lives exactly as long as the JS object
// wrapping it (the DiffieHellman, ECDH, SignBase and X509Certificate
// handles): once GC collects the wrapper, the C++ object is deleted.
template <typename T>
class WeakWrap {
 protected:
  WeakWrap(v8::Isolate* isolate, v8::Local<v8::Object> object,
           const WrapType* type) {
    T* self = static_cast<T*>(this);
    object_.Reset(isolate, object);
    object_.SetWeak(self, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, self, type);
  }
  ~WeakWrap() = default;

 private:
  static void OnGC(const v8::WeakCallbackInfo<T>& info) {
    T* self = info.GetParameter();
    static_cast<WeakWrap*>(self)->object_.Reset();
    delete self;
  }

  v8::Global<v8::Object> object_;
};

// --- Asymmetric keys --------------------------------------------------------

struct PKeyDeleter {
  void operator()(EVP_PKEY* pkey) const { EVP_PKEY_free(pkey); }
};
using PKeyPointer = std::unique_ptr<EVP_PKEY, PKeyDeleter>;
struct PKeyCtxDeleter {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
using PKeyCtxPointer = std::unique_ptr<EVP_PKEY_CTX, PKeyCtxDeleter>;

// The key of a KeyObjectHandle (a native object holding one reference to
// an EVP_PKEY, public or private alike), or nullptr when `value` is no such
// handle. Borrowed: take a reference (EVP_PKEY_up_ref) to keep it.
EVP_PKEY* KeyFromHandle(v8::Local<v8::Value> value);
// A new KeyObjectHandle that owns `pkey`; empty with a JS exception pending
// when it could not be made.
v8::MaybeLocal<v8::Object> NewKeyHandle(Environment* env, PKeyPointer pkey);

// OpenSSL's name of a key type as Node reports it ("rsa", "rsa-pss", "ec",
// "ed25519"...), or nullptr for a type Node has no name for.
const char* KeyTypeName(const EVP_PKEY* pkey);

// The prime of a modp group ("modp1", "modp2", "modp5", "modp14" to
// "modp18"), new; nullptr for another name.
BIGNUM* ModpGroupPrime(const std::string& name);
// The NID of an EC curve given by short or NIST name ("prime256v1",
// "P-256"), or NID_undef.
int CurveNid(const std::string& name);

// --- Per-concern setup ------------------------------------------------------

void InitializeHash(v8::Local<v8::Context> context,
                    v8::Local<v8::Object> target);
void RegisterHashReferences(ExternalReferenceRegistry* registry);
void InitializeRandom(v8::Local<v8::Context> context,
                      v8::Local<v8::Object> target);
void RegisterRandomReferences(ExternalReferenceRegistry* registry);
void InitializeKdf(v8::Local<v8::Context> context,
                   v8::Local<v8::Object> target);
void RegisterKdfReferences(ExternalReferenceRegistry* registry);
void InitializeCipher(v8::Local<v8::Context> context,
                      v8::Local<v8::Object> target);
void RegisterCipherReferences(ExternalReferenceRegistry* registry);
void InitializeKeys(v8::Local<v8::Context> context,
                    v8::Local<v8::Object> target);
void RegisterKeysReferences(ExternalReferenceRegistry* registry);
void InitializeKeygen(v8::Local<v8::Context> context,
                      v8::Local<v8::Object> target);
void RegisterKeygenReferences(ExternalReferenceRegistry* registry);
void InitializeSig(v8::Local<v8::Context> context,
                   v8::Local<v8::Object> target);
void RegisterSigReferences(ExternalReferenceRegistry* registry);
void InitializeDH(v8::Local<v8::Context> context,
                  v8::Local<v8::Object> target);
void RegisterDHReferences(ExternalReferenceRegistry* registry);
void InitializeX509(v8::Local<v8::Context> context,
                    v8::Local<v8::Object> target);
void RegisterX509References(ExternalReferenceRegistry* registry);
void InitializeWebJobs(v8::Local<v8::Context> context,
                       v8::Local<v8::Object> target);
void RegisterWebJobsReferences(ExternalReferenceRegistry* registry);

// Fills internalBinding('constants').crypto.
void DefineConstants(v8::Local<v8::Context> context,
                     v8::Local<v8::Object> target);

}  // namespace lode::crypto

#endif  // SRC_LODE_CRYPTO_H_
