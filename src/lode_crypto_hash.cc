// Digests for internalBinding('crypto'): the Hash and Hmac handles behind
// crypto.createHash()/createHmac(), crypto.hash()'s one-shot digest, and
// HashJob (subtle.digest on the threadpool).
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include "lode_crypto.h"

namespace lode::crypto {

using v8::ArrayBuffer;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

const WrapType kHashType = {"Hash", nullptr};
const WrapType kHmacType = {"Hmac", nullptr};

// Bytes to digest: a string (as UTF-8; lib/ converts other encodings
// first) or any buffer source.
class Input {
 public:
  bool Read(Isolate* isolate, Local<Value> value) {
    if (value->IsString()) {
      Utf8Value utf8(isolate, value);
      text_ = utf8.ToString();
      view_.data = reinterpret_cast<const unsigned char*>(text_.data());
      view_.length = text_.size();
      return true;
    }
    return GetByteView(value, &view_);
  }
  const unsigned char* data() const { return view_.data; }
  size_t length() const { return view_.length; }

 private:
  std::string text_;
  ByteView view_;
};

// Checks a requested output length against a digest: any length for an
// extendable-output function (shake128/256), only the digest's own
// otherwise.
bool OutputLengthFits(const EVP_MD* md, uint32_t length) {
  return static_cast<int>(length) == EVP_MD_get_size(md) ||
         (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
}

// Finishes `ctx` into `out` (`length` bytes).
bool FinalDigest(EVP_MD_CTX* ctx, const EVP_MD* md, size_t length,
                 unsigned char* out) {
  if (length == 0) return true;
  if (static_cast<int>(length) == EVP_MD_get_size(md)) {
    unsigned int written = 0;
    return EVP_DigestFinal_ex(ctx, out, &written) == 1;
  }
  return EVP_DigestFinalXOF(ctx, out, length) == 1;
}

// --- Hash -------------------------------------------------------------------

class Hash {
 public:
  Hash(Environment* env, Local<Object> object) : env_(env) {
    object_.Reset(env->isolate(), object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, &kHashType);
  }
  ~Hash() { EVP_MD_CTX_free(ctx_); }
  LODE_DISALLOW_COPY(Hash);

  // new Hash(algorithm | hashToCopy, outputLength | undefined)
  static void New(const FunctionCallbackInfo<Value>& args) {
    Environment* env = Environment::GetCurrent(args);
    Isolate* isolate = env->isolate();
    ClearErrorsOnReturn clear;
    if (!args.IsConstructCall()) return;
    Hash* source = static_cast<Hash*>(GetWrapped(args[0], &kHashType));
    if (source == nullptr && !args[0]->IsString()) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "The \"algorithm\" argument must be of type string");
      return;
    }
    if (source != nullptr && source->ctx_ == nullptr) {
      ThrowCodedError(isolate, "ERR_CRYPTO_HASH_FINALIZED", ErrorKind::kError,
                      "Digest already called");
      return;
    }
    bool has_length = args[1]->IsUint32();
    uint32_t length = has_length ? args[1].As<v8::Uint32>()->Value() : 0;

    const EVP_MD* md =
        source != nullptr ? source->md_
                          : FindDigest(Utf8Value(isolate, args[0]).ToString());
    EVP_MD_CTX* ctx = md == nullptr ? nullptr : EVP_MD_CTX_new();
    bool ok = ctx != nullptr;
    if (ok) {
      ok = source != nullptr ? EVP_MD_CTX_copy_ex(ctx, source->ctx_) == 1
                             : EVP_DigestInit_ex(ctx, md, nullptr) == 1;
    }
    if (ok && has_length && !OutputLengthFits(md, length)) {
      ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
      ok = false;
    }
    if (!ok) {
      EVP_MD_CTX_free(ctx);
      ThrowOpenSSLError(isolate, ERR_get_error(),
                        "Digest method not supported");
      return;
    }
    Hash* hash = new Hash(env, args.This());
    hash->md_ = md;
    hash->ctx_ = ctx;
    hash->length_ = has_length ? length : EVP_MD_get_size(md);
  }

  // update(data): false when OpenSSL refused the bytes.
  static void Update(const FunctionCallbackInfo<Value>& args) {
    Hash* hash = static_cast<Hash*>(GetWrapped(args.This(), &kHashType));
    Input input;
    if (hash == nullptr || hash->ctx_ == nullptr ||
        !input.Read(args.GetIsolate(), args[0])) {
      args.GetReturnValue().Set(false);
      return;
    }
    ClearErrorsOnReturn clear;
    args.GetReturnValue().Set(
        EVP_DigestUpdate(hash->ctx_, input.data(), input.length()) == 1);
  }

  // digest(): an ArrayBuffer; the same bytes when asked again.
  static void Digest(const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = args.GetIsolate();
    Hash* hash = static_cast<Hash*>(GetWrapped(args.This(), &kHashType));
    if (hash == nullptr) return;
    if (hash->ctx_ != nullptr) {
      ClearErrorsOnReturn clear;
      hash->digest_.resize(hash->length_);
      bool ok = FinalDigest(hash->ctx_, hash->md_, hash->length_,
                            hash->digest_.data());
      EVP_MD_CTX_free(hash->ctx_);
      hash->ctx_ = nullptr;
      if (!ok) {
        hash->digest_.clear();
        ThrowOpenSSLError(isolate, ERR_get_error(), "Digest failed");
        return;
      }
    }
    args.GetReturnValue().Set(
        ToArrayBuffer(isolate, hash->digest_.data(), hash->digest_.size()));
  }

 private:
  static void OnGC(const v8::WeakCallbackInfo<Hash>& info) {
    delete info.GetParameter();
  }

  Environment* env_;
  v8::Global<Object> object_;
  const EVP_MD* md_ = nullptr;
  EVP_MD_CTX* ctx_ = nullptr;
  size_t length_ = 0;
  std::vector<unsigned char> digest_;
};

// --- Hmac -------------------------------------------------------------------

EVP_MAC* HmacAlgorithm() {
  static EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return mac;
}

class Hmac {
 public:
  Hmac(Environment* env, Local<Object> object) : env_(env) {
    object_.Reset(env->isolate(), object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, &kHmacType);
  }
  ~Hmac() { EVP_MAC_CTX_free(ctx_); }
  LODE_DISALLOW_COPY(Hmac);

  static void New(const FunctionCallbackInfo<Value>& args) {
    if (!args.IsConstructCall()) return;
    new Hmac(Environment::GetCurrent(args), args.This());
  }

  // init(digestName, keyBytes)
  static void Init(const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = args.GetIsolate();
    Hmac* hmac = static_cast<Hmac*>(GetWrapped(args.This(), &kHmacType));
    ByteView key;
    if (hmac == nullptr || !args[0]->IsString() ||
        !GetByteView(args[1], &key)) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "Invalid arguments to Hmac.init()");
      return;
    }
    ClearErrorsOnReturn clear;
    std::string name = Utf8Value(isolate, args[0]).ToString();
    const EVP_MD* md = FindDigest(name);
    if (md == nullptr) {
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_DIGEST",
                      ErrorKind::kTypeError, "Invalid digest: " + name);
      return;
    }
    EVP_MAC_CTX_free(hmac->ctx_);
    hmac->ctx_ = nullptr;
    EVP_MAC* mac = HmacAlgorithm();
    EVP_MAC_CTX* ctx = mac == nullptr ? nullptr : EVP_MAC_CTX_new(mac);
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(
            OSSL_MAC_PARAM_DIGEST, const_cast<char*>(EVP_MD_get0_name(md)),
            0),
        OSSL_PARAM_construct_end()};
    // An empty key is a valid HMAC key: pass a non-null pointer for it.
    static const unsigned char kEmpty[1] = {0};
    if (ctx == nullptr ||
        EVP_MAC_init(ctx, key.length > 0 ? key.data : kEmpty, key.length,
                     params) != 1 ||
        (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0) {
      EVP_MAC_CTX_free(ctx);
      ThrowOpenSSLError(isolate, ERR_get_error(), nullptr);
      return;
    }
    hmac->ctx_ = ctx;
  }

  static void Update(const FunctionCallbackInfo<Value>& args) {
    Hmac* hmac = static_cast<Hmac*>(GetWrapped(args.This(), &kHmacType));
    Input input;
    if (hmac == nullptr || hmac->ctx_ == nullptr ||
        !input.Read(args.GetIsolate(), args[0])) {
      args.GetReturnValue().Set(false);
      return;
    }
    ClearErrorsOnReturn clear;
    args.GetReturnValue().Set(
        EVP_MAC_update(hmac->ctx_, input.data(), input.length()) == 1);
  }

  // digest(): an ArrayBuffer; empty once finished.
  static void Digest(const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = args.GetIsolate();
    Hmac* hmac = static_cast<Hmac*>(GetWrapped(args.This(), &kHmacType));
    if (hmac == nullptr) return;
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t length = 0;
    if (hmac->ctx_ != nullptr) {
      ClearErrorsOnReturn clear;
      bool ok = EVP_MAC_final(hmac->ctx_, out, &length, sizeof(out)) == 1;
      EVP_MAC_CTX_free(hmac->ctx_);
      hmac->ctx_ = nullptr;
      if (!ok) {
        ThrowOpenSSLError(isolate, ERR_get_error(), "HMAC failed");
        return;
      }
    }
    args.GetReturnValue().Set(ToArrayBuffer(isolate, out, length));
  }

 private:
  static void OnGC(const v8::WeakCallbackInfo<Hmac>& info) {
    delete info.GetParameter();
  }

  Environment* env_;
  v8::Global<Object> object_;
  EVP_MAC_CTX* ctx_ = nullptr;
};

// --- One-shot digests -------------------------------------------------------

// Digests `data` with `md` into `out`; on failure leaves OpenSSL's error
// queued.
bool DigestBytes(const EVP_MD* md, const unsigned char* data, size_t length,
                 size_t out_length, std::vector<unsigned char>* out) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  out->resize(out_length);
  bool ok = ctx != nullptr && EVP_DigestInit_ex(ctx, md, nullptr) == 1 &&
            EVP_DigestUpdate(ctx, data, length) == 1 &&
            FinalDigest(ctx, md, out_length, out->data());
  EVP_MD_CTX_free(ctx);
  return ok;
}

// oneShotDigest(algorithm, input, outputLength | undefined): ArrayBuffer.
void OneShotDigest(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Input input;
  if (!args[0]->IsString() || !input.Read(isolate, args[1])) {
    ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                    "Invalid arguments to oneShotDigest()");
    return;
  }
  ClearErrorsOnReturn clear;
  std::string name = Utf8Value(isolate, args[0]).ToString();
  const EVP_MD* md = FindDigest(name);
  if (md == nullptr) {
    // Node's error for this one has no code.
    v8::Local<v8::Value> err = v8::Exception::Error(
        Utf8String(isolate, "Digest method " + name + " is not supported"));
    isolate->ThrowException(err);
    return;
  }
  size_t length = EVP_MD_get_size(md);
  if (args[2]->IsUint32()) {
    uint32_t wanted = args[2].As<v8::Uint32>()->Value();
    if (!OutputLengthFits(md, wanted)) {
      isolate->ThrowException(v8::Exception::Error(Utf8String(
          isolate, "Output length " + std::to_string(wanted) +
                       " is invalid for " + name +
                       ", which does not support XOF")));
      return;
    }
    length = wanted;
  }
  std::vector<unsigned char> out;
  if (!DigestBytes(md, input.data(), input.length(), length, &out)) {
    ThrowOpenSSLError(isolate, ERR_get_error(), "Digest failed");
    return;
  }
  args.GetReturnValue().Set(ToArrayBuffer(isolate, out.data(), out.size()));
}

// new HashJob(mode, algorithm, data, outputLength | undefined)
class HashJob : public CryptoJob {
 public:
  static std::unique_ptr<HashJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = env->isolate();
    std::unique_ptr<HashJob> job(new HashJob(env, mode));
    if (!args[1]->IsString() || !CopyBytes(args[2], &job->data_)) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "Invalid arguments to HashJob");
      return nullptr;
    }
    std::string name = Utf8Value(isolate, args[1]).ToString();
    job->md_ = FindDigest(name);
    if (job->md_ == nullptr) {
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_DIGEST",
                      ErrorKind::kTypeError, "Invalid digest: " + name);
      return nullptr;
    }
    job->length_ = EVP_MD_get_size(job->md_);
    if (args[3]->IsUint32()) {
      uint32_t wanted = args[3].As<v8::Uint32>()->Value();
      if (!OutputLengthFits(job->md_, wanted)) {
        ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_DIGEST",
                        ErrorKind::kTypeError, "Invalid digest: " + name);
        return nullptr;
      }
      job->length_ = wanted;
    }
    return job;
  }

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    ok_ = DigestBytes(md_, data_.data(), data_.size(), length_, &out_);
    errors_ = ok_ ? std::vector<unsigned long>() : DrainErrors();
  }
  bool Finish(Isolate* isolate, Local<Value>* error,
              Local<Value>* result) override {
    if (!ok_) {
      *error = JobError(isolate, errors_, "Digest failed");
      return true;
    }
    *result = ToArrayBuffer(isolate, out_.data(), out_.size());
    return true;
  }

 private:
  HashJob(Environment* env, JobMode mode)
      : CryptoJob(env, mode, "HASHREQUEST") {}
  std::vector<unsigned char> data_;
  std::vector<unsigned char> out_;
  const EVP_MD* md_ = nullptr;
  size_t length_ = 0;
  bool ok_ = false;
  std::vector<unsigned long> errors_;
};

}  // namespace

void InitializeHash(Local<Context> context, Local<Object> target) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> hash = NewFunctionTemplate(isolate, Hash::New);
  hash->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, hash, "update", Hash::Update);
  SetProtoMethod(isolate, hash, "digest", Hash::Digest);
  SetConstructorFunction(context, target, "Hash", hash);

  Local<FunctionTemplate> hmac = NewFunctionTemplate(isolate, Hmac::New);
  hmac->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, hmac, "init", Hmac::Init);
  SetProtoMethod(isolate, hmac, "update", Hmac::Update);
  SetProtoMethod(isolate, hmac, "digest", Hmac::Digest);
  SetConstructorFunction(context, target, "Hmac", hmac);

  SetMethod(context, target, "oneShotDigest", OneShotDigest);
  SetJobConstructor(context, target, "HashJob", NewJob<HashJob>);
}

void RegisterHashReferences(ExternalReferenceRegistry* registry) {
  registry->Register(Hash::New);
  registry->Register(Hash::Update);
  registry->Register(Hash::Digest);
  registry->Register(Hmac::New);
  registry->Register(Hmac::Init);
  registry->Register(Hmac::Update);
  registry->Register(Hmac::Digest);
  registry->Register(OneShotDigest);
  registry->Register(NewJob<HashJob>);
}

}  // namespace lode::crypto
