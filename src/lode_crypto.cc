// internalBinding('crypto'): registration, and what the concerns share
// (OpenSSL errors, bytes, digest lookup, jobs). Also the algorithm lists,
// timingSafeEqual, the FIPS query and crypto's constants.
#include "lode_crypto.h"

#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/engine.h>
#include <openssl/err.h>
#include <openssl/provider.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "lode_crypto_tls.h"
#include "lode_errors.h"
#include "lode_options.h"
#include "lode_tracing.h"

namespace lode::crypto {

using v8::Array;
using v8::ArrayBuffer;
using v8::ArrayBufferView;
using v8::Context;
using v8::Exception;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::SharedArrayBuffer;
using v8::String;
using v8::TryCatch;
using v8::Value;

// --- Errors -----------------------------------------------------------------

namespace {

Local<Value> NewError(Isolate* isolate, ErrorKind kind,
                      const std::string& message) {
  Local<String> text = Utf8String(isolate, message);
  switch (kind) {
    case ErrorKind::kTypeError:
      return Exception::TypeError(text);
    case ErrorKind::kRangeError:
      return Exception::RangeError(text);
    case ErrorKind::kError:
      break;
  }
  return Exception::Error(text);
}

void SetProperty(Isolate* isolate, Local<Object> obj, const char* key,
                 Local<Value> value) {
  // Own data properties: a setter on Object.prototype must not run.
  if (obj->CreateDataProperty(isolate->GetCurrentContext(),
                              OneByteString(isolate, key), value)
          .IsNothing()) {
    // Only an exhausted heap gets here; the error keeps its message.
  }
}

// The short name Node puts in ERR_OSSL_<LIB>_<REASON> codes; empty for the
// libraries it has none for (providers, decoders...).
const char* LibraryCode(int lib) {
  switch (lib) {
#define V(name)          \
  case ERR_LIB_##name:   \
    return #name "_";
    V(SYS) V(BN) V(RSA) V(DH) V(EVP) V(BUF) V(OBJ) V(PEM) V(DSA) V(X509)
    V(ASN1) V(CONF) V(CRYPTO) V(EC) V(SSL) V(BIO) V(PKCS7) V(X509V3)
    V(PKCS12) V(RAND) V(DSO) V(ENGINE) V(OCSP) V(UI) V(COMP) V(ECDSA)
    V(ECDH) V(OSSL_STORE) V(FIPS) V(CMS) V(TS) V(HMAC) V(CT) V(ASYNC)
    V(KDF) V(SM2) V(USER)
#undef V
    default:
      return "";
  }
}

std::string ErrorString(unsigned long err) {
  char buf[256];
  ERR_error_string_n(err, buf, sizeof(buf));
  return buf;
}

}  // namespace

Local<Value> CodedError(Isolate* isolate, const char* code, ErrorKind kind,
                        const std::string& message) {
  Local<Value> err = NewError(isolate, kind, message);
  SetProperty(isolate, err.As<Object>(), "code", OneByteString(isolate, code));
  return err;
}

void ThrowCodedError(Isolate* isolate, const char* code, ErrorKind kind,
                     const std::string& message) {
  isolate->ThrowException(CodedError(isolate, code, kind, message));
}

Local<Value> DecoratedError(Isolate* isolate, unsigned long err,
                            const std::vector<unsigned long>& stack);

Local<Value> OpenSSLError(Isolate* isolate, unsigned long err,
                          const char* fallback) {
  // As Node: the message is `err`'s; what is still queued (which includes
  // `err` when the caller only peeked at it) becomes opensslErrorStack,
  // newest first.
  std::vector<unsigned long> queued = DrainErrors();
  if (err == 0 && fallback != nullptr) {
    Local<Object> plain =
        NewError(isolate, ErrorKind::kError, fallback).As<Object>();
    if (!queued.empty()) {
      std::vector<Local<Value>> items;
      for (auto it = queued.rbegin(); it != queued.rend(); ++it) {
        items.push_back(Utf8String(isolate, ErrorString(*it)));
      }
      if (plain->Set(isolate->GetCurrentContext(),
                     OneByteString(isolate, "opensslErrorStack"),
                     Array::New(isolate, items.data(), items.size()))
              .IsNothing()) {
        return plain;
      }
    }
    return plain;
  }
  return DecoratedError(isolate, err, queued);
}


// `err`'s message, code, library and reason, with `stack` (oldest first)
// listed newest first when it is not empty.
Local<Value> DecoratedError(Isolate* isolate, unsigned long err,
                            const std::vector<unsigned long>& stack) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> obj =
      NewError(isolate, ErrorKind::kError, ErrorString(err)).As<Object>();
  // Plain assignments, as Node makes them: a setter on Object.prototype
  // runs, and its exception stops the decoration (the caller rethrows it).
  auto set = [&](const char* key, Local<Value> value) {
    return obj->Set(context, OneByteString(isolate, key), value).IsJust();
  };
  if (!stack.empty()) {
    std::vector<Local<Value>> items;
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      items.push_back(Utf8String(isolate, ErrorString(*it)));
    }
    if (!set("opensslErrorStack",
             Array::New(isolate, items.data(), items.size()))) {
      return obj;
    }
  }
  if (const char* lib = ERR_lib_error_string(err)) {
    if (!set("library", OneByteString(isolate, lib))) return obj;
  }
  if (const char* reason = ERR_reason_error_string(err)) {
    if (!set("reason", OneByteString(isolate, reason))) return obj;
    std::string upper(reason);
    for (char& c : upper) {
      c = c == ' ' ? '_' : static_cast<char>(toupper(c));
    }
    const char* lib = LibraryCode(ERR_GET_LIB(err));
    // SSL's reasons stand alone: ERR_SSL_X, not ERR_OSSL_SSL_X.
    std::string code = strcmp(lib, "SSL_") == 0 ? "ERR_" : "ERR_OSSL_";
    code += lib;
    code += upper;
    set("code", OneByteString(isolate, code.c_str()));
  }
  return obj;
}

Local<Value> OpenSSLErrorFromList(Isolate* isolate,
                                  const std::vector<unsigned long>& errors,
                                  const char* fallback) {
  if (errors.empty()) {
    return NewError(isolate, ErrorKind::kError,
                    fallback != nullptr ? fallback : "Operation failed");
  }
  return DecoratedError(isolate, errors[0], errors);
}

void ThrowOpenSSLError(Isolate* isolate, unsigned long err,
                       const char* fallback) {
  Local<Value> error;
  {
    TryCatch try_catch(isolate);
    error = OpenSSLError(isolate, err, fallback);
    if (try_catch.HasCaught()) {
      // A setter on Object.prototype threw while decorating: that wins.
      try_catch.ReThrow();
      return;
    }
  }
  isolate->ThrowException(error);
}

std::vector<unsigned long> DrainErrors() {
  std::vector<unsigned long> errors;
  for (unsigned long e = ERR_get_error(); e != 0; e = ERR_get_error()) {
    errors.push_back(e);
  }
  return errors;
}

Local<Value> JobError(Isolate* isolate,
                      const std::vector<unsigned long>& errors,
                      const char* fallback) {
  if (errors.empty()) return NewError(isolate, ErrorKind::kError, fallback);
  Local<Object> obj =
      NewError(isolate, ErrorKind::kError, ErrorString(errors[0]))
          .As<Object>();
  if (errors.size() > 1) {
    std::vector<Local<Value>> items;
    for (size_t i = 1; i < errors.size(); i++) {
      items.push_back(Utf8String(isolate, ErrorString(errors[i])));
    }
    SetProperty(isolate, obj, "opensslErrorStack",
                Array::New(isolate, items.data(), items.size()));
  }
  return obj;
}

ClearErrorsOnReturn::ClearErrorsOnReturn() { ERR_clear_error(); }
ClearErrorsOnReturn::~ClearErrorsOnReturn() { ERR_clear_error(); }

// --- Bytes ------------------------------------------------------------------

bool GetByteView(Local<Value> value, ByteView* out) {
  static const unsigned char kEmpty[1] = {0};
  if (value->IsArrayBufferView()) {
    Local<ArrayBufferView> view = value.As<ArrayBufferView>();
    out->length = view->ByteLength();
    out->data = out->length == 0
                    ? kEmpty
                    : static_cast<const unsigned char*>(
                          view->Buffer()->Data()) + view->ByteOffset();
    return true;
  }
  if (value->IsArrayBuffer()) {
    Local<ArrayBuffer> ab = value.As<ArrayBuffer>();
    out->length = ab->ByteLength();
    out->data = out->length == 0
                    ? kEmpty
                    : static_cast<const unsigned char*>(ab->Data());
    return true;
  }
  if (value->IsSharedArrayBuffer()) {
    Local<SharedArrayBuffer> ab = value.As<SharedArrayBuffer>();
    out->length = ab->ByteLength();
    out->data = out->length == 0
                    ? kEmpty
                    : static_cast<const unsigned char*>(ab->Data());
    return true;
  }
  return false;
}

bool CopyBytes(Local<Value> value, std::vector<unsigned char>* out) {
  ByteView view;
  if (!GetByteView(value, &view)) return false;
  out->assign(view.data, view.data + view.length);
  return true;
}

Local<ArrayBuffer> ToArrayBuffer(Isolate* isolate, const unsigned char* data,
                                 size_t length) {
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, length);
  if (length > 0) memcpy(ab->Data(), data, length);
  return ab;
}

OutputBytes::OutputBytes(size_t capacity)
    : data_(static_cast<unsigned char*>(malloc(capacity > 0 ? capacity : 1))) {}

OutputBytes::~OutputBytes() { free(data_); }

Local<ArrayBuffer> OutputBytes::Release(Isolate* isolate, size_t length) {
  if (length == 0 || data_ == nullptr) return ArrayBuffer::New(isolate, 0);
  std::unique_ptr<v8::BackingStore> store = ArrayBuffer::NewBackingStore(
      data_, length, [](void* data, size_t, void*) { free(data); }, nullptr);
  data_ = nullptr;
  return ArrayBuffer::New(isolate, std::move(store));
}

// --- Algorithms -------------------------------------------------------------

const EVP_MD* FindDigest(const std::string& name) {
  // Fetched implementations live for the whole process, shared by every
  // thread (jobs look digests up on the main thread, but be safe).
  static std::mutex mutex;
  static std::unordered_map<std::string, const EVP_MD*> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  const EVP_MD* legacy = EVP_get_digestbyname(name.c_str());
  if (legacy == nullptr) return nullptr;
  // EVP_MD_fetch() knows canonical names only: ask for the legacy entry's.
  ERR_set_mark();
  const EVP_MD* md = EVP_MD_fetch(nullptr, EVP_MD_get0_name(legacy), nullptr);
  ERR_pop_to_mark();
  if (md == nullptr) return legacy;  // not cached: the provider may change
  cache.emplace(name, md);
  return md;
}

const char* CipherModeLabel(int mode) {
  switch (mode) {
    case EVP_CIPH_CBC_MODE: return "cbc";
    case EVP_CIPH_CCM_MODE: return "ccm";
    case EVP_CIPH_CFB_MODE: return "cfb";
    case EVP_CIPH_CTR_MODE: return "ctr";
    case EVP_CIPH_ECB_MODE: return "ecb";
    case EVP_CIPH_GCM_MODE: return "gcm";
    case EVP_CIPH_OCB_MODE: return "ocb";
    case EVP_CIPH_OFB_MODE: return "ofb";
    case EVP_CIPH_STREAM_CIPHER: return "stream";
    case EVP_CIPH_WRAP_MODE: return "wrap";
    case EVP_CIPH_XTS_MODE: return "xts";
    default: return "";
  }
}

// --- Jobs -------------------------------------------------------------------

namespace {
const WrapType kJobType = {"CryptoJob", nullptr};

// The jobs an environment has on the threadpool; when the environment is
// destroyed first (a worker that ends), they are orphaned.
struct QueuedJobs : public BindingData {
  ~QueuedJobs() override {
    for (CryptoJob* job : jobs) job->Orphan();
  }
  std::unordered_set<CryptoJob*> jobs;
};

QueuedJobs* GetQueuedJobs(Environment* env) {
  QueuedJobs* data = env->GetBindingData<QueuedJobs>("crypto_jobs");
  if (data == nullptr) {
    data = env->SetBindingData("crypto_jobs", std::make_unique<QueuedJobs>());
  }
  return data;
}
}  // namespace

CryptoJob::CryptoJob(Environment* env, JobMode mode,
                     const char* resource_name)
    : env_(env), mode_(mode), resource_name_(resource_name) {
  work_.data = this;
}

CryptoJob::~CryptoJob() {
  if (!object_.IsEmpty()) {
    HandleScope scope(env_->isolate());
    ClearWrapped(object_.Get(env_->isolate()));
    object_.Reset();
  }
}

void CryptoJob::Attach(Local<Object> object) {
  object_.Reset(env_->isolate(), object);
  object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
  SetWrapped(object, this, &kJobType);
}

void CryptoJob::OnGC(const v8::WeakCallbackInfo<CryptoJob>& info) {
  CryptoJob* job = info.GetParameter();
  job->object_.Reset();
  delete job;
}

void CryptoJob::Run(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  CryptoJob* job =
      static_cast<CryptoJob*>(GetWrapped(args.This(), &kJobType));
  if (job == nullptr || job->queued_) {
    ThrowCodedError(isolate, "ERR_INVALID_STATE", ErrorKind::kError,
                    "Invalid state: the job is not ready to run");
    return;
  }
  if (job->mode_ == kJobSync) {
    job->DoWork();
    Local<Value> pair[2] = {v8::Undefined(isolate), v8::Undefined(isolate)};
    if (!job->Finish(isolate, &pair[0], &pair[1])) return;
    args.GetReturnValue().Set(Array::New(isolate, pair, 2));
    return;
  }
  job->queued_ = true;
  job->object_.ClearWeak();
  GetQueuedJobs(env)->jobs.insert(job);
  CHECK_EQ(uv_queue_work(env->loop(), &job->work_, OnWork, AfterWork), 0);
  tracing::TraceWorkQueued("crypto", job);
}

void CryptoJob::OnWork(uv_work_t* work) {
  tracing::ScopedWorkTrace trace("crypto");
  static_cast<CryptoJob*>(work->data)->DoWork();
}

void CryptoJob::AfterWork(uv_work_t* work, int status) {
  CryptoJob* job = static_cast<CryptoJob*>(work->data);
  tracing::TraceWorkDone("crypto", job, status);
  job->queued_ = false;
  Environment* env = job->env_;
  // Orphaned: the isolate that holds the job's object is gone, so the job
  // is left as it is (freeing it would touch that isolate).
  if (env == nullptr) return;
  GetQueuedJobs(env)->jobs.erase(job);
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Object> object = job->object_.Get(isolate);
  // From here the JS object alone decides how long the job lives; the
  // handle above keeps it until the callback has returned.
  job->object_.SetWeak(job, OnGC, v8::WeakCallbackType::kParameter);
  if (!env->can_call_into_js()) return;
  Context::Scope context_scope(env->context());
  Local<Value> argv[2] = {v8::Undefined(isolate), v8::Undefined(isolate)};
  {
    TryCatch try_catch(isolate);
    if (!job->Finish(isolate, &argv[0], &argv[1])) {
      argv[0] = try_catch.HasCaught()
                    ? try_catch.Exception()
                    : NewError(isolate, ErrorKind::kError,
                               "Operation failed");
      argv[1] = v8::Undefined(isolate);
    }
  }
  int argc = argv[0]->IsUndefined() ? 2 : 1;
  MakeCallback(env, object, "ondone", argc, argv);
}

void SetJobConstructor(Local<Context> context, Local<Object> target,
                       const char* name, v8::FunctionCallback constructor) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, constructor);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, t, "run", CryptoJob::Run);
  SetConstructorFunction(context, target, name, t);
}

void CryptoJob::RegisterExternalReferences(
    ExternalReferenceRegistry* registry) {
  registry->Register(CryptoJob::Run);
}

// --- Lists ------------------------------------------------------------------

namespace {

using NameList = std::vector<std::string>;

// Names whose algorithm a provider can really run (the legacy tables also
// list what only the legacy provider, not loaded, implements).
void PushDigestName(const EVP_MD* md, const char* from, const char* to,
                    void* arg) {
  if (from == nullptr) return;
  const EVP_MD* legacy = EVP_get_digestbyname(from);
  if (legacy == nullptr) return;
  const char* real = EVP_MD_get0_name(legacy);
  if (real == nullptr) return;
  EVP_MD* fetched = EVP_MD_fetch(nullptr, real, nullptr);
  if (fetched == nullptr) return;
  EVP_MD_free(fetched);
  static_cast<NameList*>(arg)->push_back(from);
}

void PushCipherName(const EVP_CIPHER* cipher, const char* from,
                    const char* to, void* arg) {
  if (from == nullptr) return;
  const EVP_CIPHER* legacy = EVP_get_cipherbyname(from);
  if (legacy == nullptr) return;
  const char* real = EVP_CIPHER_get0_name(legacy);
  if (real == nullptr) return;
  EVP_CIPHER* fetched = EVP_CIPHER_fetch(nullptr, real, nullptr);
  if (fetched == nullptr) return;
  EVP_CIPHER_free(fetched);
  static_cast<NameList*>(arg)->push_back(from);
}

Local<Array> ToArray(Isolate* isolate, const NameList& names) {
  std::vector<Local<Value>> items;
  items.reserve(names.size());
  for (const std::string& n : names) items.push_back(Utf8String(isolate, n));
  return Array::New(isolate, items.data(), items.size());
}

void GetHashes(const FunctionCallbackInfo<Value>& args) {
  ClearErrorsOnReturn clear;
  NameList names;
  EVP_MD_do_all_sorted(PushDigestName, &names);
  args.GetReturnValue().Set(ToArray(args.GetIsolate(), names));
}

void GetCiphers(const FunctionCallbackInfo<Value>& args) {
  ClearErrorsOnReturn clear;
  NameList names;
  EVP_CIPHER_do_all_sorted(PushCipherName, &names);
  args.GetReturnValue().Set(ToArray(args.GetIsolate(), names));
}

void GetCurves(const FunctionCallbackInfo<Value>& args) {
  size_t count = EC_get_builtin_curves(nullptr, 0);
  std::vector<EC_builtin_curve> curves(count);
  NameList names;
  if (count > 0 && EC_get_builtin_curves(curves.data(), count) == count) {
    for (const EC_builtin_curve& c : curves) {
      if (const char* sn = OBJ_nid2sn(c.nid)) names.push_back(sn);
    }
  }
  args.GetReturnValue().Set(ToArray(args.GetIsolate(), names));
}

// --- Small functions --------------------------------------------------------

void TimingSafeEqual(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  ByteView a, b;
  if (!GetByteView(args[0], &a)) {
    ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                    "The \"buf1\" argument must be an instance of "
                    "ArrayBuffer, Buffer, TypedArray, or DataView.");
    return;
  }
  if (!GetByteView(args[1], &b)) {
    ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                    "The \"buf2\" argument must be an instance of "
                    "ArrayBuffer, Buffer, TypedArray, or DataView.");
    return;
  }
  if (a.length != b.length) {
    ThrowCodedError(isolate, "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH",
                    ErrorKind::kRangeError,
                    "Input buffers must have the same byte length");
    return;
  }
  args.GetReturnValue().Set(CRYPTO_memcmp(a.data, b.data, a.length) == 0);
}

void GetFipsCrypto(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(
      EVP_default_properties_is_fips_enabled(nullptr) ? 1 : 0);
}

void SetFipsCrypto(const FunctionCallbackInfo<Value>& args) {
  ClearErrorsOnReturn clear;
  if (EVP_default_properties_enable_fips(nullptr,
                                         args[0]->BooleanValue(
                                             args.GetIsolate())
                                             ? 1
                                             : 0) != 1) {
    ThrowOpenSSLError(args.GetIsolate(), ERR_get_error(),
                      "Failed to set FIPS mode");
  }
}

void TestFipsCrypto(const FunctionCallbackInfo<Value>& args) {
  // Whether a FIPS provider could be loaded at all.
  args.GetReturnValue().Set(
      OSSL_PROVIDER_available(nullptr, "fips") == 1 ? 1 : 0);
}

// secureHeapUsed() -> the bytes in use in OpenSSL's secure heap, or -1
// when --secure-heap did not set one up.
void SecureHeapUsed(const FunctionCallbackInfo<Value>& args) {
  if (CRYPTO_secure_malloc_initialized() != 1) {
    args.GetReturnValue().Set(-1);
    return;
  }
  args.GetReturnValue().Set(
      static_cast<double>(CRYPTO_secure_used()));
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethodNoSideEffect(context, target, "getHashes", GetHashes);
  SetMethodNoSideEffect(context, target, "secureHeapUsed", SecureHeapUsed);
  SetMethodNoSideEffect(context, target, "getCiphers", GetCiphers);
  SetMethodNoSideEffect(context, target, "getCurves", GetCurves);
  SetMethodNoSideEffect(context, target, "timingSafeEqual", TimingSafeEqual);
  SetMethodNoSideEffect(context, target, "getFipsCrypto", GetFipsCrypto);
  SetMethod(context, target, "setFipsCrypto", SetFipsCrypto);
  SetMethodNoSideEffect(context, target, "testFipsCrypto", TestFipsCrypto);
  SetConstant(context, target, "kCryptoJobSync", kJobSync);
  SetConstant(context, target, "kCryptoJobAsync", kJobAsync);
  InitializeHash(context, target);
  InitializeRandom(context, target);
  InitializeKdf(context, target);
  InitializeCipher(context, target);
  InitializeKeys(context, target);
  InitializeKeygen(context, target);
  InitializeSig(context, target);
  InitializeDH(context, target);
  InitializeX509(context, target);
  InitializeWebJobs(context, target);
  SecureContext::Initialize(Environment::GetCurrent(context), context,
                            target);
}

// OpenSSL's errors still queued, oldest first, one line each as
// ERR_print_errors writes them; the queue is emptied.
std::string TakeOpenSSLErrorLines() {
  std::string text;
  BIO* bio = BIO_new(BIO_s_mem());
  if (bio == nullptr) {
    ERR_clear_error();
    return text;
  }
  ERR_print_errors(bio);
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  if (data != nullptr && size > 0) text.assign(data, size);
  BIO_free(bio);
  return text;
}

}  // namespace

int InitializeProcess(const Options& options, const char* argv0) {
  const std::string config = options.GetString("--openssl-config");
  const bool shared_config = options.GetBool("--openssl-shared-config");
  const bool legacy = options.GetBool("--openssl-legacy-provider");
  const bool fips =
      options.GetBool("--enable-fips") || options.GetBool("--force-fips");
  const int64_t secure_heap = options.values.at("--secure-heap").integer;
  // Without these options OpenSSL configures itself on first use, from
  // OPENSSL_CONF or its default file, as lode always did.
  if (config.empty() && !shared_config && !legacy && !fips &&
      secure_heap == 0) {
    return 0;
  }
  // As Node: the file named by --openssl-config (else OPENSSL_CONF, else
  // OpenSSL's default), its "nodejs_conf" section (OpenSSL's own
  // "openssl_conf" with --openssl-shared-config).
  OPENSSL_INIT_SETTINGS* settings = OPENSSL_INIT_new();
  if (settings == nullptr) return 1;
  if (!config.empty()) {
    OPENSSL_INIT_set_config_filename(settings, config.c_str());
  }
  OPENSSL_INIT_set_config_appname(
      settings, shared_config ? "openssl_conf" : "nodejs_conf");
  OPENSSL_INIT_set_config_file_flags(settings,
                                     CONF_MFLAGS_IGNORE_MISSING_FILE);
  OPENSSL_init_crypto(OPENSSL_INIT_LOAD_CONFIG, settings);
  OPENSSL_INIT_free(settings);
  unsigned long err = ERR_peek_error();
  if (err != 0) {
    // Node's exit code here is the error's reason number.
    int code = ERR_GET_REASON(err);
    fprintf(stderr, "%s: OpenSSL configuration error:\n%s\n", argv0,
            TakeOpenSSLErrorLines().c_str());
    return code != 0 ? code : 1;
  }
  if (fips) {
    OSSL_PROVIDER* provider = OSSL_PROVIDER_load(nullptr, "fips");
    bool enabled = false;
    if (provider != nullptr) {
      OSSL_PROVIDER_unload(provider);
      enabled = EVP_default_properties_enable_fips(nullptr, 1) == 1 &&
                EVP_default_properties_is_fips_enabled(nullptr) == 1;
    }
    if (!enabled) {
      fprintf(stderr, "%s: OpenSSL error when trying to enable FIPS:\n%s\n",
              argv0, TakeOpenSSLErrorLines().c_str());
      return 1;
    }
  }
  // A configuration without a usable random generator (no default
  // provider) cannot run: Node aborts here.
  ERR_clear_error();
  unsigned char byte;
  if (RAND_bytes(&byte, 1) != 1) {
    fprintf(stderr, "%s: OpenSSL could not seed its random generator\n%s",
            argv0, TakeOpenSSLErrorLines().c_str());
    fflush(stderr);
    abort();
  }
  // After the generator's first use (its state is not in the secure heap,
  // which starts empty, as Node's) and with the default provider active.
  if (secure_heap != 0) {
    int min =
        static_cast<int>(options.values.at("--secure-heap-min").integer);
    switch (
        CRYPTO_secure_malloc_init(static_cast<size_t>(secure_heap), min)) {
      case 0:
        fprintf(stderr, "Unable to initialize openssl secure heap.\n");
        break;
      case 2:
        fprintf(stderr, "Unable to mmap/mlock openssl secure heap.\n");
        break;
    }
  }
  // Loaded last: a provider loaded before the first fetch would keep the
  // default one from being activated.
  if (legacy && OSSL_PROVIDER_load(nullptr, "legacy") == nullptr) {
    fprintf(stderr, "Unable to load legacy provider.\n");
  }
  return 0;
}

namespace {

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(GetHashes);
  registry->Register(GetCiphers);
  registry->Register(GetCurves);
  registry->Register(TimingSafeEqual);
  registry->Register(GetFipsCrypto);
  registry->Register(SetFipsCrypto);
  registry->Register(TestFipsCrypto);
  registry->Register(SecureHeapUsed);
  CryptoJob::RegisterExternalReferences(registry);
  RegisterHashReferences(registry);
  RegisterRandomReferences(registry);
  RegisterKdfReferences(registry);
  RegisterCipherReferences(registry);
  RegisterKeysReferences(registry);
  RegisterKeygenReferences(registry);
  RegisterSigReferences(registry);
  RegisterDHReferences(registry);
  RegisterX509References(registry);
  RegisterWebJobsReferences(registry);
  SecureContext::RegisterExternalReferences(registry);
}

}  // namespace

// --- Constants --------------------------------------------------------------

void DefineConstants(Local<Context> context, Local<Object> target) {
  struct Constant {
    const char* name;
    double value;
  };
  // Node's order, so that printing crypto.constants looks the same.
  static const Constant kConstants[] = {
      {"OPENSSL_VERSION_NUMBER", static_cast<double>(OPENSSL_VERSION_NUMBER)},
#define V(name) {#name, static_cast<double>(name)},
      V(SSL_OP_ALL)
#ifdef SSL_OP_ALLOW_NO_DHE_KEX
      V(SSL_OP_ALLOW_NO_DHE_KEX)
#endif
      V(SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION)
      V(SSL_OP_CIPHER_SERVER_PREFERENCE)
      V(SSL_OP_CISCO_ANYCONNECT)
      V(SSL_OP_COOKIE_EXCHANGE)
      V(SSL_OP_CRYPTOPRO_TLSEXT_BUG)
      V(SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS)
      V(SSL_OP_LEGACY_SERVER_CONNECT)
      V(SSL_OP_NO_COMPRESSION)
#ifdef SSL_OP_NO_ENCRYPT_THEN_MAC
      V(SSL_OP_NO_ENCRYPT_THEN_MAC)
#endif
      V(SSL_OP_NO_QUERY_MTU)
#ifdef SSL_OP_NO_RENEGOTIATION
      V(SSL_OP_NO_RENEGOTIATION)
#endif
      V(SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION)
      V(SSL_OP_NO_SSLv2)
      V(SSL_OP_NO_SSLv3)
      V(SSL_OP_NO_TICKET)
      V(SSL_OP_NO_TLSv1)
      V(SSL_OP_NO_TLSv1_1)
      V(SSL_OP_NO_TLSv1_2)
      V(SSL_OP_NO_TLSv1_3)
#ifdef SSL_OP_PRIORITIZE_CHACHA
      V(SSL_OP_PRIORITIZE_CHACHA)
#endif
      V(SSL_OP_TLS_ROLLBACK_BUG)
      V(ENGINE_METHOD_RSA)
      V(ENGINE_METHOD_DSA)
      V(ENGINE_METHOD_DH)
      V(ENGINE_METHOD_RAND)
      V(ENGINE_METHOD_EC)
      V(ENGINE_METHOD_CIPHERS)
      V(ENGINE_METHOD_DIGESTS)
      V(ENGINE_METHOD_PKEY_METHS)
      V(ENGINE_METHOD_PKEY_ASN1_METHS)
      V(ENGINE_METHOD_ALL)
      V(ENGINE_METHOD_NONE)
      V(DH_CHECK_P_NOT_SAFE_PRIME)
      V(DH_CHECK_P_NOT_PRIME)
      V(DH_UNABLE_TO_CHECK_GENERATOR)
      V(DH_NOT_SUITABLE_GENERATOR)
      V(RSA_PKCS1_PADDING)
      V(RSA_NO_PADDING)
      V(RSA_PKCS1_OAEP_PADDING)
      V(RSA_X931_PADDING)
      V(RSA_PKCS1_PSS_PADDING)
      V(RSA_PSS_SALTLEN_DIGEST)
      V(RSA_PSS_SALTLEN_MAX_SIGN)
      V(RSA_PSS_SALTLEN_AUTO)
#undef V
  };
  for (const Constant& c : kConstants) {
    SetConstant(context, target, c.name, c.value);
  }
  // The default TLS cipher list of Node 24 (tls.DEFAULT_CIPHERS).
  SetString(context, target, "defaultCoreCipherList",
            "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
            "TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
            "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:"
            "ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:"
            "ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:"
            "ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:"
            "ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:"
            "!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA");
  static const Constant kTail[] = {
      {"TLS1_VERSION", TLS1_VERSION},
      {"TLS1_1_VERSION", TLS1_1_VERSION},
      {"TLS1_2_VERSION", TLS1_2_VERSION},
      {"TLS1_3_VERSION", TLS1_3_VERSION},
      {"POINT_CONVERSION_COMPRESSED", POINT_CONVERSION_COMPRESSED},
      {"POINT_CONVERSION_UNCOMPRESSED", POINT_CONVERSION_UNCOMPRESSED},
      {"POINT_CONVERSION_HYBRID", POINT_CONVERSION_HYBRID},
  };
  for (const Constant& c : kTail) {
    SetConstant(context, target, c.name, c.value);
  }
}

}  // namespace lode::crypto

LODE_BINDING_CONTEXT_AWARE_INTERNAL(crypto, lode::crypto::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(crypto,
                                lode::crypto::RegisterExternalReferences)
