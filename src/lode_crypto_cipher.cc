// Symmetric ciphers for internalBinding('crypto'): CipherBase, the handle
// behind Cipheriv/Decipheriv (with the authenticated modes GCM, CCM, OCB
// and chacha20-poly1305), and getCipherInfo.
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

#include <climits>

#include "lode_crypto.h"
#include "lode_errors.h"

namespace lode::crypto {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Int32;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

const WrapType kCipherType = {"CipherBase", nullptr};
constexpr int kNoAuthTagLength = -1;
constexpr size_t kMaxAuthTagLength = 16;

bool IsAuthenticatedMode(int mode, int nid) {
  return mode == EVP_CIPH_GCM_MODE || mode == EVP_CIPH_CCM_MODE ||
         mode == EVP_CIPH_OCB_MODE || nid == NID_chacha20_poly1305;
}

// NIST SP 800-38D allows 32 and 64 bits, and 96 to 128.
bool IsValidGCMTagLength(size_t length) {
  return length == 4 || length == 8 || (length >= 12 && length <= 16);
}

void ThrowInvalidIV(Isolate* isolate) {
  ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_IV", ErrorKind::kTypeError,
                  "Invalid initialization vector");
}

void ThrowInvalidTag(Isolate* isolate, const std::string& message) {
  ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_AUTH_TAG",
                  ErrorKind::kTypeError, message);
}

class CipherBase {
 public:
  CipherBase(Environment* env, Local<Object> object, bool encrypt)
      : env_(env), encrypt_(encrypt) {
    object_.Reset(env->isolate(), object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, &kCipherType);
  }
  ~CipherBase() { EVP_CIPHER_CTX_free(ctx_); }
  LODE_DISALLOW_COPY(CipherBase);

  // new CipherBase(encrypt, name, key, iv | null, authTagLength | -1)
  static void New(const FunctionCallbackInfo<Value>& args) {
    Environment* env = Environment::GetCurrent(args);
    Isolate* isolate = env->isolate();
    ByteView key, iv;
    bool has_iv_arg = !args[3]->IsNull();
    if (!args.IsConstructCall() || !args[0]->IsBoolean() ||
        !args[1]->IsString() || !GetByteView(args[2], &key) ||
        (has_iv_arg && !GetByteView(args[3], &iv)) || !args[4]->IsInt32()) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "Invalid arguments to CipherBase");
      return;
    }
    ClearErrorsOnReturn clear;
    bool encrypt = args[0]->IsTrue();
    std::string name = Utf8Value(isolate, args[1]).ToString();
    int tag_length = args[4].As<Int32>()->Value();
    const EVP_CIPHER* cipher = EVP_get_cipherbyname(name.c_str());
    if (cipher == nullptr) {
      ThrowCodedError(isolate, "ERR_CRYPTO_UNKNOWN_CIPHER", ErrorKind::kError,
                      "Unknown cipher");
      return;
    }
    if (key.length > INT_MAX || iv.length > INT_MAX) {
      ThrowCodedError(isolate, "ERR_OUT_OF_RANGE", ErrorKind::kRangeError,
                      "The key or IV is too long");
      return;
    }
    int mode = EVP_CIPHER_get_mode(cipher);
    int nid = EVP_CIPHER_get_nid(cipher);
    int expected_iv = EVP_CIPHER_get_iv_length(cipher);
    bool authenticated = IsAuthenticatedMode(mode, nid);
    bool has_iv = iv.length > 0;
    // An IV where the cipher needs one, of its fixed length unless the
    // mode takes several (the AEAD modes).
    if ((!has_iv && expected_iv != 0) ||
        (!authenticated && has_iv &&
         static_cast<int>(iv.length) != expected_iv) ||
        (nid == NID_chacha20_poly1305 && iv.length > 12)) {
      ThrowInvalidIV(isolate);
      return;
    }
    CipherBase* self = new CipherBase(env, args.This(), encrypt);
    if (!self->Init(cipher, name, key, has_iv ? iv.data : nullptr,
                    static_cast<int>(iv.length), tag_length)) {
      // The JS object stays unusable (ctx_ is null); the exception says why.
      EVP_CIPHER_CTX_free(self->ctx_);
      self->ctx_ = nullptr;
    }
  }

  // update(bytes): an ArrayBuffer with what the cipher produced.
  static void Update(const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = args.GetIsolate();
    CipherBase* self = From(args.This());
    ByteView data;
    if (self == nullptr || !GetByteView(args[0], &data)) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "Invalid arguments to CipherBase.update()");
      return;
    }
    ClearErrorsOnReturn clear;
    const char* kState = "Trying to add data in unsupported state";
    if (self->ctx_ == nullptr) {
      ThrowOpenSSLError(isolate, 0, kState);
      return;
    }
    EVP_CIPHER_CTX* ctx = self->ctx_;
    int mode = EVP_CIPHER_CTX_get_mode(ctx);
    if (mode == EVP_CIPH_CCM_MODE &&
        data.length > static_cast<size_t>(self->max_message_size_)) {
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_MESSAGELEN",
                      ErrorKind::kRangeError, "Invalid message length");
      return;
    }
    if (!self->encrypt_ && self->authenticated_ && !self->PassAuthTag()) {
      ThrowOpenSSLError(isolate, ERR_get_error(), kState);
      return;
    }
    int block = EVP_CIPHER_CTX_get_block_size(ctx);
    if (block <= 0 || data.length > static_cast<size_t>(INT_MAX - block)) {
      ThrowOpenSSLError(isolate, 0, kState);
      return;
    }
    int out_length = static_cast<int>(data.length) + block;
    int in_length = static_cast<int>(data.length);
    // Key wrapping says how much it will write when asked without output.
    if (self->encrypt_ && mode == EVP_CIPH_WRAP_MODE &&
        EVP_CipherUpdate(ctx, nullptr, &out_length, data.data, in_length) !=
            1) {
      ThrowOpenSSLError(isolate, ERR_get_error(), kState);
      return;
    }
    // Written straight into the memory the result owns (64 KiB updates
    // would otherwise clear and copy each chunk twice).
    OutputBytes out(out_length > 0 ? out_length : 1);
    if (out.data() == nullptr) {
      THROW_ERR_MEMORY_ALLOCATION_FAILED(isolate, "Failed to allocate memory");
      return;
    }
    int r = EVP_CipherUpdate(ctx, out.data(), &out_length, data.data,
                             in_length);
    if (r != 1 && !self->encrypt_ && mode == EVP_CIPH_CCM_MODE) {
      // CCM checks the tag here; the failure is reported by final().
      self->pending_auth_failed_ = true;
      out_length = 0;
    } else if (r != 1) {
      ThrowOpenSSLError(isolate, ERR_get_error(), kState);
      return;
    }
    args.GetReturnValue().Set(
        out.Release(isolate, out_length > 0 ? out_length : 0));
  }

  // final(): the last bytes; the cipher cannot be used afterwards.
  static void Final(const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = args.GetIsolate();
    CipherBase* self = From(args.This());
    if (self == nullptr) return;
    if (self->ctx_ == nullptr) {
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_STATE", ErrorKind::kError,
                      "Invalid state");
      return;
    }
    ClearErrorsOnReturn clear;
    EVP_CIPHER_CTX* ctx = self->ctx_;
    int mode = EVP_CIPHER_CTX_get_mode(ctx);
    std::vector<unsigned char> out(
        std::max(EVP_CIPHER_CTX_get_block_size(ctx), 1));
    int out_length = 0;
    bool ok = true;
    if (!self->encrypt_ && self->authenticated_) ok = self->PassAuthTag();
    if (ok && !self->encrypt_ && mode == EVP_CIPH_CCM_MODE) {
      ok = !self->pending_auth_failed_;
    } else if (ok) {
      ok = EVP_CipherFinal_ex(ctx, out.data(), &out_length) == 1;
      if (ok && self->encrypt_ && self->authenticated_) {
        // GCM's tag is 16 bytes unless authTagLength said otherwise.
        if (self->auth_tag_length_ == kNoAuthTagLength) {
          self->auth_tag_length_ = kMaxAuthTagLength;
        }
        ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG,
                                 self->auth_tag_length_,
                                 self->auth_tag_) == 1;
      }
    }
    EVP_CIPHER_CTX_free(self->ctx_);
    self->ctx_ = nullptr;
    if (!ok) {
      ThrowOpenSSLError(isolate, ERR_get_error(),
                        self->authenticated_
                            ? "Unsupported state or unable to authenticate "
                              "data"
                            : "Unsupported state");
      return;
    }
    args.GetReturnValue().Set(ToArrayBuffer(
        isolate, out.data(), out_length > 0 ? out_length : 0));
  }

  static void SetAutoPadding(const FunctionCallbackInfo<Value>& args) {
    CipherBase* self = From(args.This());
    bool ok = self != nullptr && self->ctx_ != nullptr &&
              EVP_CIPHER_CTX_set_padding(self->ctx_,
                                         args[0]->IsTrue() ? 1 : 0) == 1;
    args.GetReturnValue().Set(ok);
  }

  // getAuthTag(): the tag after final() when encrypting, else undefined.
  static void GetAuthTag(const FunctionCallbackInfo<Value>& args) {
    CipherBase* self = From(args.This());
    if (self == nullptr || self->ctx_ != nullptr || !self->encrypt_ ||
        self->auth_tag_length_ == kNoAuthTagLength) {
      return;
    }
    args.GetReturnValue().Set(ToArrayBuffer(args.GetIsolate(),
                                            self->auth_tag_,
                                            self->auth_tag_length_));
  }

  // setAuthTag(bytes): 0 when the state refuses it, 1 when taken, 2 when
  // taken but shorter than 128 bits for GCM without authTagLength (which
  // Node deprecates: lib/ warns).
  static void SetAuthTag(const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = args.GetIsolate();
    CipherBase* self = From(args.This());
    ByteView tag;
    if (self == nullptr || !GetByteView(args[0], &tag)) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "Invalid arguments to CipherBase.setAuthTag()");
      return;
    }
    if (self->ctx_ == nullptr || !self->authenticated_ || self->encrypt_ ||
        self->tag_state_ != kTagUnknown) {
      args.GetReturnValue().Set(0);
      return;
    }
    int mode = EVP_CIPHER_CTX_get_mode(self->ctx_);
    bool valid;
    if (mode == EVP_CIPH_GCM_MODE) {
      valid = (self->auth_tag_length_ == kNoAuthTagLength ||
               static_cast<size_t>(self->auth_tag_length_) == tag.length) &&
              IsValidGCMTagLength(tag.length);
    } else {
      valid = static_cast<size_t>(self->auth_tag_length_) == tag.length;
    }
    if (!valid || tag.length > kMaxAuthTagLength) {
      ThrowInvalidTag(isolate, "Invalid authentication tag length: " +
                                   std::to_string(tag.length));
      return;
    }
    int result = 1;
    if (mode == EVP_CIPH_GCM_MODE &&
        self->auth_tag_length_ == kNoAuthTagLength &&
        tag.length != kMaxAuthTagLength) {
      result = 2;
    }
    self->auth_tag_length_ = static_cast<int>(tag.length);
    self->tag_state_ = kTagKnown;
    memset(self->auth_tag_, 0, sizeof(self->auth_tag_));
    memcpy(self->auth_tag_, tag.data, tag.length);
    args.GetReturnValue().Set(result);
  }

  // setAAD(bytes, plaintextLength | -1): false when the state refuses it.
  static void SetAAD(const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = args.GetIsolate();
    CipherBase* self = From(args.This());
    ByteView aad;
    if (self == nullptr || !GetByteView(args[0], &aad) ||
        !args[1]->IsInt32()) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "Invalid arguments to CipherBase.setAAD()");
      return;
    }
    if (self->ctx_ == nullptr || !self->authenticated_ ||
        aad.length > INT_MAX) {
      args.GetReturnValue().Set(false);
      return;
    }
    ClearErrorsOnReturn clear;
    EVP_CIPHER_CTX* ctx = self->ctx_;
    int plaintext_length = args[1].As<Int32>()->Value();
    int written = 0;
    if (EVP_CIPHER_CTX_get_mode(ctx) == EVP_CIPH_CCM_MODE) {
      // CCM needs the message length before any data.
      if (plaintext_length < 0) {
        ThrowCodedError(isolate, "ERR_MISSING_ARGS", ErrorKind::kTypeError,
                        "options.plaintextLength required for CCM mode "
                        "with AAD");
        return;
      }
      if (plaintext_length > self->max_message_size_) {
        ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_MESSAGELEN",
                        ErrorKind::kRangeError, "Invalid message length");
        return;
      }
      if ((!self->encrypt_ && !self->PassAuthTag()) ||
          EVP_CipherUpdate(ctx, nullptr, &written, nullptr,
                           plaintext_length) != 1) {
        args.GetReturnValue().Set(false);
        return;
      }
    }
    args.GetReturnValue().Set(
        EVP_CipherUpdate(ctx, nullptr, &written, aad.data,
                         static_cast<int>(aad.length)) == 1);
  }

 private:
  enum TagState { kTagUnknown, kTagKnown, kTagPassed };

  static CipherBase* From(Local<Value> value) {
    return static_cast<CipherBase*>(GetWrapped(value, &kCipherType));
  }

  static void OnGC(const v8::WeakCallbackInfo<CipherBase>& info) {
    delete info.GetParameter();
  }

  bool Init(const EVP_CIPHER* cipher, const std::string& name,
            const ByteView& key, const unsigned char* iv, int iv_length,
            int tag_length) {
    Isolate* isolate = env_->isolate();
    ctx_ = EVP_CIPHER_CTX_new();
    if (ctx_ == nullptr) {
      ThrowOpenSSLError(isolate, ERR_get_error(),
                        "Failed to initialize cipher");
      return false;
    }
    int mode = EVP_CIPHER_get_mode(cipher);
    if (mode == EVP_CIPH_WRAP_MODE) {
      EVP_CIPHER_CTX_set_flags(ctx_, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    }
    if (EVP_CipherInit_ex(ctx_, cipher, nullptr, nullptr, nullptr,
                          encrypt_ ? 1 : 0) != 1) {
      ThrowOpenSSLError(isolate, ERR_get_error(),
                        "Failed to initialize cipher");
      return false;
    }
    authenticated_ =
        IsAuthenticatedMode(mode, EVP_CIPHER_get_nid(cipher));
    if (authenticated_ &&
        !InitAuthenticated(name, mode, iv_length, tag_length)) {
      return false;
    }
    if (EVP_CIPHER_CTX_set_key_length(ctx_, static_cast<int>(key.length)) !=
        1) {
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_KEYLEN",
                      ErrorKind::kRangeError, "Invalid key length");
      return false;
    }
    if (EVP_CipherInit_ex(ctx_, nullptr, nullptr, key.data, iv,
                          encrypt_ ? 1 : 0) != 1) {
      ThrowOpenSSLError(isolate, ERR_get_error(),
                        "Failed to initialize cipher");
      return false;
    }
    return true;
  }

  bool InitAuthenticated(const std::string& name, int mode, int iv_length,
                         int tag_length) {
    Isolate* isolate = env_->isolate();
    if (EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_SET_IVLEN, iv_length,
                            nullptr) != 1) {
      ThrowInvalidIV(isolate);
      return false;
    }
    std::string bad_length =
        "Invalid authentication tag length: " + std::to_string(tag_length);
    if (mode == EVP_CIPH_GCM_MODE) {
      if (tag_length != kNoAuthTagLength) {
        if (!IsValidGCMTagLength(tag_length)) {
          ThrowInvalidTag(isolate, bad_length);
          return false;
        }
        auth_tag_length_ = tag_length;
      }
      return true;
    }
    if (tag_length == kNoAuthTagLength) {
      // chacha20-poly1305's tag is 16 bytes both ways; the others must be
      // told.
      if (EVP_CIPHER_CTX_get_nid(ctx_) != NID_chacha20_poly1305) {
        ThrowInvalidTag(isolate, "authTagLength required for " + name);
        return false;
      }
      tag_length = kMaxAuthTagLength;
    }
    if (tag_length > static_cast<int>(kMaxAuthTagLength) ||
        EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_SET_TAG, tag_length,
                            nullptr) != 1) {
      ThrowInvalidTag(isolate, "Invalid authentication tag length: " +
                                   std::to_string(tag_length));
      return false;
    }
    auth_tag_length_ = tag_length;
    if (mode == EVP_CIPH_CCM_MODE) {
      // The length field takes 15 - iv_length bytes.
      max_message_size_ = INT_MAX;
      if (iv_length == 12) max_message_size_ = 16777215;
      if (iv_length == 13) max_message_size_ = 65535;
    }
    return true;
  }

  // Hands a tag given by setAuthTag() to OpenSSL, once.
  bool PassAuthTag() {
    if (tag_state_ != kTagKnown) return true;
    if (EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_SET_TAG, auth_tag_length_,
                            auth_tag_) != 1) {
      return false;
    }
    tag_state_ = kTagPassed;
    return true;
  }

  Environment* env_;
  v8::Global<Object> object_;
  EVP_CIPHER_CTX* ctx_ = nullptr;
  bool encrypt_;
  bool authenticated_ = false;
  int auth_tag_length_ = kNoAuthTagLength;
  unsigned char auth_tag_[kMaxAuthTagLength] = {0};
  TagState tag_state_ = kTagUnknown;
  bool pending_auth_failed_ = false;
  int max_message_size_ = INT_MAX;
};

// getCipherInfo(nameOrNid, keyLength | undefined, ivLength | undefined):
// { mode, name, nid, blockSize, ivLength, keyLength } or undefined when the
// cipher is unknown or refuses the lengths asked about.
void GetCipherInfo(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  ClearErrorsOnReturn clear;
  const EVP_CIPHER* cipher = nullptr;
  if (args[0]->IsString()) {
    cipher = EVP_get_cipherbyname(Utf8Value(isolate, args[0]).c_str());
  } else if (args[0]->IsInt32()) {
    cipher = EVP_get_cipherbynid(args[0].As<Int32>()->Value());
  }
  if (cipher == nullptr) return;
  int iv_length = EVP_CIPHER_get_iv_length(cipher);
  int key_length = EVP_CIPHER_get_key_length(cipher);
  int block_size = EVP_CIPHER_get_block_size(cipher);
  int mode = EVP_CIPHER_get_mode(cipher);
  if (args[1]->IsInt32() || args[2]->IsInt32()) {
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    bool ok = ctx != nullptr &&
              EVP_CipherInit_ex(ctx, cipher, nullptr, nullptr, nullptr, 1) ==
                  1;
    if (ok && args[1]->IsInt32()) {
      int wanted = args[1].As<Int32>()->Value();
      ok = EVP_CIPHER_CTX_set_key_length(ctx, wanted) == 1;
      if (ok) key_length = wanted;
    }
    if (ok && args[2]->IsInt32()) {
      int wanted = args[2].As<Int32>()->Value();
      switch (mode) {
        case EVP_CIPH_CCM_MODE:
          ok = wanted >= 7 && wanted <= 13;
          break;
        case EVP_CIPH_GCM_MODE:
        case EVP_CIPH_OCB_MODE:
          ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, wanted,
                                   nullptr) == 1;
          break;
        default:
          ok = wanted == iv_length;
      }
      if (ok) iv_length = wanted;
    }
    EVP_CIPHER_CTX_free(ctx);
    if (!ok) return;
  }
  Local<Object> info = Object::New(isolate);
  const char* label = CipherModeLabel(mode);
  if (label[0] != '\0') SetString(context, info, "mode", label);
  int nid = EVP_CIPHER_get_nid(cipher);
  const char* short_name = OBJ_nid2sn(nid);
  SetString(context, info, "name", short_name != nullptr ? short_name : "");
  SetConstant(context, info, "nid", nid);
  if (mode != EVP_CIPH_STREAM_CIPHER) {
    SetConstant(context, info, "blockSize", block_size);
  }
  if (iv_length != 0) SetConstant(context, info, "ivLength", iv_length);
  SetConstant(context, info, "keyLength", key_length);
  args.GetReturnValue().Set(info);
}

}  // namespace

void InitializeCipher(Local<Context> context, Local<Object> target) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, CipherBase::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, t, "update", CipherBase::Update);
  SetProtoMethod(isolate, t, "final", CipherBase::Final);
  SetProtoMethod(isolate, t, "setAutoPadding", CipherBase::SetAutoPadding);
  SetProtoMethod(isolate, t, "getAuthTag", CipherBase::GetAuthTag);
  SetProtoMethod(isolate, t, "setAuthTag", CipherBase::SetAuthTag);
  SetProtoMethod(isolate, t, "setAAD", CipherBase::SetAAD);
  SetConstructorFunction(context, target, "CipherBase", t);
  SetMethodNoSideEffect(context, target, "getCipherInfo", GetCipherInfo);
}

void RegisterCipherReferences(ExternalReferenceRegistry* registry) {
  registry->Register(CipherBase::New);
  registry->Register(CipherBase::Update);
  registry->Register(CipherBase::Final);
  registry->Register(CipherBase::SetAutoPadding);
  registry->Register(CipherBase::GetAuthTag);
  registry->Register(CipherBase::SetAuthTag);
  registry->Register(CipherBase::SetAAD);
  registry->Register(GetCipherInfo);
}

}  // namespace lode::crypto
