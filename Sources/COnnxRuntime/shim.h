// The few ONNX Runtime C API calls Minutes makes itself (running the speaker segmentation
// model directly), declared here because no package this project can install ships
// onnxruntime_c_api.h. libonnxruntime.so comes with sherpa-onnx (scripts/native/provision-sherpa;
// pkg-config sherpa-onnx links it).
//
// ONNX Runtime exports one function, OrtGetApiBase(); everything else is a function pointer
// in the OrtApi table it returns. That table only ever grows at its end, so a member's
// index is a stable ABI: the slots below were counted in onnxruntime_c_api.h of API
// version 13 and checked against version 30, and against the static_asserts in
// onnxruntime_c_api.cc (ReleaseCustomOpDomain is 101). Minutes asks for version 13, which
// every ONNX Runtime since 1.13 provides. Swift cannot call through an untyped table, so
// each call is a static inline wrapper that casts its slot to the C signature.
#ifndef MINUTES_CONNXRUNTIME_SHIM_H
#define MINUTES_CONNXRUNTIME_SHIM_H

#include <stddef.h>
#include <stdint.h>

typedef struct OrtEnv OrtEnv;
typedef struct OrtStatus OrtStatus;
typedef struct OrtSession OrtSession;
typedef struct OrtSessionOptions OrtSessionOptions;
typedef struct OrtValue OrtValue;
typedef struct OrtMemoryInfo OrtMemoryInfo;
typedef struct OrtTensorTypeAndShapeInfo OrtTensorTypeAndShapeInfo;

typedef struct MinutesOrtApiBase {
    const void *(*GetApi)(uint32_t version);
    const char *(*GetVersionString)(void);
} MinutesOrtApiBase;

const MinutesOrtApiBase *OrtGetApiBase(void);

/// The API version Minutes is written against (ONNX Runtime 1.13).
#define MINUTES_ORT_API_VERSION 13
/// ORT_LOGGING_LEVEL_ERROR.
#define MINUTES_ORT_LOG_ERROR 3
/// ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT.
#define MINUTES_ORT_FLOAT 1
/// OrtArenaAllocator and OrtMemTypeDefault.
#define MINUTES_ORT_ARENA_ALLOCATOR 1
#define MINUTES_ORT_MEM_TYPE_DEFAULT 0

/// The OrtApi table, or NULL when this ONNX Runtime is older than version 13.
static inline void *const *minutes_ort_api(void) {
    return (void *const *)OrtGetApiBase()->GetApi(MINUTES_ORT_API_VERSION);
}

static inline const char *minutes_ort_version(void) {
    return OrtGetApiBase()->GetVersionString();
}

#define MINUTES_ORT_SLOT(index, type) ((type)minutes_ort_api()[index])

static inline const char *minutes_ort_error_message(const OrtStatus *status) {
    return MINUTES_ORT_SLOT(2, const char *(*)(const OrtStatus *))(status);
}

static inline OrtStatus *minutes_ort_create_env(const char *log_id, OrtEnv **out) {
    return MINUTES_ORT_SLOT(3, OrtStatus *(*)(int, const char *, OrtEnv **))(MINUTES_ORT_LOG_ERROR, log_id, out);
}

static inline OrtStatus *minutes_ort_create_session(
    const OrtEnv *env, const char *model_path, const OrtSessionOptions *options, OrtSession **out) {
    return MINUTES_ORT_SLOT(7, OrtStatus *(*)(const OrtEnv *, const char *, const OrtSessionOptions *, OrtSession **))(
        env, model_path, options, out);
}

static inline OrtStatus *minutes_ort_run(
    OrtSession *session, const char *const *input_names, const OrtValue *const *inputs, size_t input_count,
    const char *const *output_names, size_t output_count, OrtValue **outputs) {
    return MINUTES_ORT_SLOT(
        9, OrtStatus *(*)(OrtSession *, const void *, const char *const *, const OrtValue *const *, size_t,
                          const char *const *, size_t, OrtValue **))(
        session, NULL, input_names, inputs, input_count, output_names, output_count, outputs);
}

static inline OrtStatus *minutes_ort_create_session_options(OrtSessionOptions **out) {
    return MINUTES_ORT_SLOT(10, OrtStatus *(*)(OrtSessionOptions **))(out);
}

static inline OrtStatus *minutes_ort_set_intra_op_threads(OrtSessionOptions *options, int threads) {
    return MINUTES_ORT_SLOT(24, OrtStatus *(*)(OrtSessionOptions *, int))(options, threads);
}

static inline OrtStatus *minutes_ort_set_inter_op_threads(OrtSessionOptions *options, int threads) {
    return MINUTES_ORT_SLOT(25, OrtStatus *(*)(OrtSessionOptions *, int))(options, threads);
}

static inline OrtStatus *minutes_ort_create_float_tensor(
    const OrtMemoryInfo *info, float *data, size_t count, const int64_t *shape, size_t rank, OrtValue **out) {
    return MINUTES_ORT_SLOT(
        49, OrtStatus *(*)(const OrtMemoryInfo *, void *, size_t, const int64_t *, size_t, int, OrtValue **))(
        info, data, count * sizeof(float), shape, rank, MINUTES_ORT_FLOAT, out);
}

static inline OrtStatus *minutes_ort_tensor_data(OrtValue *value, void **out) {
    return MINUTES_ORT_SLOT(51, OrtStatus *(*)(OrtValue *, void **))(value, out);
}

static inline OrtStatus *minutes_ort_dimensions_count(const OrtTensorTypeAndShapeInfo *info, size_t *out) {
    return MINUTES_ORT_SLOT(61, OrtStatus *(*)(const OrtTensorTypeAndShapeInfo *, size_t *))(info, out);
}

static inline OrtStatus *minutes_ort_dimensions(const OrtTensorTypeAndShapeInfo *info, int64_t *out, size_t count) {
    return MINUTES_ORT_SLOT(62, OrtStatus *(*)(const OrtTensorTypeAndShapeInfo *, int64_t *, size_t))(info, out, count);
}

static inline OrtStatus *minutes_ort_tensor_shape(const OrtValue *value, OrtTensorTypeAndShapeInfo **out) {
    return MINUTES_ORT_SLOT(65, OrtStatus *(*)(const OrtValue *, OrtTensorTypeAndShapeInfo **))(value, out);
}

static inline OrtStatus *minutes_ort_create_cpu_memory_info(OrtMemoryInfo **out) {
    return MINUTES_ORT_SLOT(69, OrtStatus *(*)(int, int, OrtMemoryInfo **))(
        MINUTES_ORT_ARENA_ALLOCATOR, MINUTES_ORT_MEM_TYPE_DEFAULT, out);
}

static inline void minutes_ort_release_env(OrtEnv *value) {
    MINUTES_ORT_SLOT(92, void (*)(OrtEnv *))(value);
}

static inline void minutes_ort_release_status(OrtStatus *value) {
    MINUTES_ORT_SLOT(93, void (*)(OrtStatus *))(value);
}

static inline void minutes_ort_release_memory_info(OrtMemoryInfo *value) {
    MINUTES_ORT_SLOT(94, void (*)(OrtMemoryInfo *))(value);
}

static inline void minutes_ort_release_session(OrtSession *value) {
    MINUTES_ORT_SLOT(95, void (*)(OrtSession *))(value);
}

static inline void minutes_ort_release_value(OrtValue *value) {
    MINUTES_ORT_SLOT(96, void (*)(OrtValue *))(value);
}

static inline void minutes_ort_release_tensor_shape(OrtTensorTypeAndShapeInfo *value) {
    MINUTES_ORT_SLOT(99, void (*)(OrtTensorTypeAndShapeInfo *))(value);
}

static inline void minutes_ort_release_session_options(OrtSessionOptions *value) {
    MINUTES_ORT_SLOT(100, void (*)(OrtSessionOptions *))(value);
}

#endif
