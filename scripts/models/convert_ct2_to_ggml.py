#!/usr/bin/env python3
"""Convert a CTranslate2 Whisper model (faster-whisper layout) to whisper.cpp's ggml format.

Needs only numpy. Reads:
  * the CTranslate2 ``model.bin`` (one file, or several parts that are joined in the
    order given),
  * ``mel_filters.npz`` and ``gpt2.tiktoken`` / ``multilingual.tiktoken`` from the
    openai-whisper package's ``whisper/assets`` folder.

Writes the single-file ggml layout that whisper.cpp's loader (``whisper_model_load``)
reads, the same layout its ``convert-pt-to-ggml.py`` produces:

  int32 magic 0x67676d6c ("ggml")
  int32 n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer,
        n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype (1 = f16)
  int32 n_mel, n_fft ; float32[n_mel * n_fft]           mel filter bank
  int32 n_tokens ; n_tokens x (uint32 len, bytes)       BPE tokens in rank order
  tensors until EOF, each:
    int32 n_dims, int32 name_len, int32 ttype (0 = f32, 1 = f16)
    int32 ne[n_dims] (innermost first, i.e. numpy shape reversed)
    name bytes, then the raw little-endian data (numpy C order)

Tensor rules (as convert-pt-to-ggml.py with f16): matrices and conv kernels stay f16;
1-D tensors, the conv biases (reshaped to [n, 1]) and both positional embeddings are f32.

CTranslate2 binary layout (version 6, little-endian), as read from the file:
  uint32 binary_version ; str spec_name ; uint32 spec_revision ; uint32 n_variables
  n_variables x: str name ; uint8 rank ; uint32 dims[rank] ; uint8 dtype ;
                 uint32 n_bytes ; n_bytes of data
  uint32 n_aliases ; n_aliases x (str alias ; str target)
  where str = uint16 length (including a trailing NUL) + bytes + NUL and
  dtype 0 = float32, 1 = int8, 2 = int16, 3 = int32, 4 = float16, 5 = bfloat16.
Whisper specifics: q/k/v of self-attention are fused into ``linear_0`` (rows q, k, v),
cross-attention keeps the query in ``linear_0`` and fuses k/v into ``linear_1``;
the out projection is the last linear. Whisper has no key bias, so the key slice of
each fused bias is zero (checked, as a guard against a different layout).

The output is a pure function of the inputs (no timestamps, fixed tensor order), so
its sha256 can be pinned.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import struct
import sys
import time
from pathlib import Path

import numpy as np

GGML_MAGIC = 0x67676D6C
CT2_DTYPES = {
    0: np.dtype("<f4"),
    1: np.dtype("i1"),
    2: np.dtype("<i2"),
    3: np.dtype("<i4"),
    4: np.dtype("<f2"),
}
SUPPORTED_CT2_VERSIONS = (6,)


class ConversionError(Exception):
    pass


# ---------------------------------------------------------------- CTranslate2 reader


def read_ct2(buf: bytes) -> tuple[dict[str, np.ndarray], dict]:
    """Parse a CTranslate2 model.bin held in memory. Arrays are views into buf."""
    off = 0

    def take(fmt: str):
        nonlocal off
        size = struct.calcsize(fmt)
        if off + size > len(buf):
            raise ConversionError("model.bin is truncated (header runs past the end of the file)")
        val = struct.unpack_from(fmt, buf, off)
        off += size
        return val[0] if len(val) == 1 else val

    def take_str() -> str:
        nonlocal off
        n = take("<H")
        if n == 0 or off + n > len(buf) or buf[off + n - 1] != 0:
            raise ConversionError(f"model.bin: malformed string at byte {off}")
        s = buf[off : off + n - 1].decode("utf-8")
        off += n
        return s

    version = take("<I")
    if version not in SUPPORTED_CT2_VERSIONS:
        raise ConversionError(
            f"unsupported CTranslate2 binary version {version} (this converter reads version 6)"
        )
    spec = take_str()
    revision = take("<I")
    if spec != "WhisperSpec":
        raise ConversionError(f"model.bin is a {spec!r}, not a WhisperSpec model")
    n_vars = take("<I")
    variables: dict[str, np.ndarray] = {}
    for _ in range(n_vars):
        name = take_str()
        rank = take("<B")
        shape = tuple(take("<I") for _ in range(rank))
        dtype_id = take("<B")
        n_bytes = take("<I")
        if dtype_id not in CT2_DTYPES:
            raise ConversionError(f"variable {name}: unsupported CTranslate2 dtype id {dtype_id}")
        dtype = CT2_DTYPES[dtype_id]
        count = int(np.prod(shape, dtype=np.int64)) if shape else 1
        if count * dtype.itemsize != n_bytes:
            raise ConversionError(f"variable {name}: {n_bytes} bytes do not match shape {shape} of {dtype}")
        if off + n_bytes > len(buf):
            raise ConversionError(f"model.bin is truncated inside variable {name}")
        variables[name] = np.frombuffer(buf, dtype=dtype, count=count, offset=off).reshape(shape)
        off += n_bytes
    n_alias = take("<I")
    aliases = {}
    for _ in range(n_alias):
        alias = take_str()
        aliases[alias] = take_str()
    if off != len(buf):
        raise ConversionError(
            f"model.bin has {len(buf) - off} unexpected trailing bytes (wrong part order or a damaged file?)"
        )
    return variables, {"version": version, "spec": spec, "revision": revision, "aliases": aliases}


# ---------------------------------------------------------------- mapping to ggml names


def count_layers(variables: dict[str, np.ndarray], prefix: str) -> int:
    n = 0
    while f"{prefix}/layer_{n}/ffn/linear_0/weight" in variables:
        n += 1
    if n == 0:
        raise ConversionError(f"no {prefix} layers found in model.bin")
    return n


def scalar(variables: dict[str, np.ndarray], name: str) -> int:
    if name not in variables:
        raise ConversionError(f"model.bin has no {name}")
    return int(variables[name].reshape(-1)[0])


def split_rows(w: np.ndarray, parts: int, what: str) -> list[np.ndarray]:
    if w.shape[0] % parts != 0:
        raise ConversionError(f"{what}: first dimension {w.shape[0]} is not divisible by {parts}")
    n = w.shape[0] // parts
    return [w[i * n : (i + 1) * n] for i in range(parts)]


def build_tensors(v: dict[str, np.ndarray]) -> tuple[dict, list[tuple[str, np.ndarray]]]:
    def get(name: str) -> np.ndarray:
        if name not in v:
            raise ConversionError(f"model.bin has no variable {name}")
        return v[name]

    def check_zero_key_bias(bias: np.ndarray, what: str) -> None:
        if np.any(bias.astype(np.float32) != 0):
            raise ConversionError(
                f"{what}: key bias slice is not zero; the fused q/k/v layout is not the expected one"
            )

    n_audio_layer = count_layers(v, "encoder")
    n_text_layer = count_layers(v, "decoder")
    emb = get("decoder/embeddings/weight")
    enc_pe = get("encoder/position_encodings/encodings")
    dec_pe = get("decoder/position_encodings/encodings")
    conv1 = get("encoder/conv1/weight")
    hp = {
        "n_vocab": emb.shape[0],
        "n_audio_ctx": enc_pe.shape[0],
        "n_audio_state": enc_pe.shape[1],
        "n_audio_head": scalar(v, "encoder/num_heads"),
        "n_audio_layer": n_audio_layer,
        "n_text_ctx": dec_pe.shape[0],
        "n_text_state": emb.shape[1],
        "n_text_head": scalar(v, "decoder/num_heads"),
        "n_text_layer": n_text_layer,
        "n_mels": conv1.shape[1],
    }
    if hp["n_text_state"] != hp["n_audio_state"]:
        raise ConversionError("encoder and decoder widths differ; not a Whisper model")

    out: list[tuple[str, np.ndarray]] = []

    def linear(dst: str, src: str) -> None:
        out.append((f"{dst}.weight", get(f"{src}/weight")))
        out.append((f"{dst}.bias", get(f"{src}/bias")))

    def layer_norm(dst: str, src: str) -> None:
        out.append((f"{dst}.weight", get(f"{src}/gamma")))
        out.append((f"{dst}.bias", get(f"{src}/beta")))

    def fused_self_attention(dst: str, src: str) -> None:
        qw, kw, vw = split_rows(get(f"{src}/linear_0/weight"), 3, f"{src}/linear_0/weight")
        qb, kb, vb = split_rows(get(f"{src}/linear_0/bias"), 3, f"{src}/linear_0/bias")
        check_zero_key_bias(kb, src)
        out.extend(
            [
                (f"{dst}.query.weight", qw),
                (f"{dst}.query.bias", qb),
                (f"{dst}.key.weight", kw),
                (f"{dst}.value.weight", vw),
                (f"{dst}.value.bias", vb),
            ]
        )
        linear(f"{dst}.out", f"{src}/linear_1")

    def cross_attention(dst: str, src: str) -> None:
        linear(f"{dst}.query", f"{src}/linear_0")
        kw, vw = split_rows(get(f"{src}/linear_1/weight"), 2, f"{src}/linear_1/weight")
        kb, vb = split_rows(get(f"{src}/linear_1/bias"), 2, f"{src}/linear_1/bias")
        check_zero_key_bias(kb, src)
        out.extend(
            [
                (f"{dst}.key.weight", kw),
                (f"{dst}.value.weight", vw),
                (f"{dst}.value.bias", vb),
            ]
        )
        linear(f"{dst}.out", f"{src}/linear_2")

    # Same order as openai-whisper's state_dict (and so convert-pt-to-ggml.py's output).
    out.append(("encoder.positional_embedding", enc_pe))
    linear("encoder.conv1", "encoder/conv1")
    linear("encoder.conv2", "encoder/conv2")
    for i in range(n_audio_layer):
        s, d = f"encoder/layer_{i}", f"encoder.blocks.{i}"
        fused_self_attention(f"{d}.attn", f"{s}/self_attention")
        layer_norm(f"{d}.attn_ln", f"{s}/self_attention/layer_norm")
        linear(f"{d}.mlp.0", f"{s}/ffn/linear_0")
        linear(f"{d}.mlp.2", f"{s}/ffn/linear_1")
        layer_norm(f"{d}.mlp_ln", f"{s}/ffn/layer_norm")
    layer_norm("encoder.ln_post", "encoder/layer_norm")

    out.append(("decoder.positional_embedding", dec_pe))
    out.append(("decoder.token_embedding.weight", emb))
    for i in range(n_text_layer):
        s, d = f"decoder/layer_{i}", f"decoder.blocks.{i}"
        fused_self_attention(f"{d}.attn", f"{s}/self_attention")
        layer_norm(f"{d}.attn_ln", f"{s}/self_attention/layer_norm")
        cross_attention(f"{d}.cross_attn", f"{s}/attention")
        layer_norm(f"{d}.cross_attn_ln", f"{s}/attention/layer_norm")
        linear(f"{d}.mlp.0", f"{s}/ffn/linear_0")
        linear(f"{d}.mlp.2", f"{s}/ffn/linear_1")
        layer_norm(f"{d}.mlp_ln", f"{s}/ffn/layer_norm")
    layer_norm("decoder.ln", "decoder/layer_norm")
    return hp, out


# ---------------------------------------------------------------- ggml writer

F32_NAMES = {
    "encoder.conv1.bias",
    "encoder.conv2.bias",
    "encoder.positional_embedding",
    "decoder.positional_embedding",
}


def to_ggml(name: str, data: np.ndarray) -> tuple[int, np.ndarray]:
    if data.dtype.kind not in "f":
        raise ConversionError(f"{name}: weights of type {data.dtype} (quantized model?) are not supported")
    if name in ("encoder.conv1.bias", "encoder.conv2.bias"):
        data = data.reshape(data.shape[0], 1)
    if data.ndim < 2 or name in F32_NAMES:
        return 0, np.ascontiguousarray(data, dtype="<f4")
    return 1, np.ascontiguousarray(data, dtype="<f2")


def load_tokens(path: Path) -> list[bytes]:
    tokens: list[tuple[int, bytes]] = []
    for line in path.read_bytes().splitlines():
        if not line.strip():
            continue
        tok, rank = line.split()
        tokens.append((int(rank), base64.b64decode(tok)))
    ranks = [r for r, _ in tokens]
    if ranks != list(range(len(ranks))):
        raise ConversionError(f"{path}: token ranks are not 0..n-1 in order")
    return [t for _, t in tokens]


def convert(inputs: list[Path], assets: Path, output: Path) -> dict:
    t0 = time.monotonic()
    buf = b"".join(p.read_bytes() for p in inputs)
    variables, meta = read_ct2(buf)
    hp, tensors = build_tensors(variables)

    with np.load(assets / "mel_filters.npz") as f:
        key = f"mel_{hp['n_mels']}"
        if key not in f.files:
            raise ConversionError(f"mel_filters.npz has no {key}")
        filters = np.ascontiguousarray(f[key], dtype="<f4")

    multilingual = hp["n_vocab"] >= 51865
    tok_path = assets / ("multilingual.tiktoken" if multilingual else "gpt2.tiktoken")
    tokens = load_tokens(tok_path)
    if len(tokens) > hp["n_vocab"]:
        raise ConversionError(f"{tok_path.name} has more tokens ({len(tokens)}) than the model ({hp['n_vocab']})")

    tmp = output.with_name(output.name + ".partial")
    output.parent.mkdir(parents=True, exist_ok=True)
    sha = hashlib.sha256()

    with open(tmp, "wb") as fout:

        def write(b: bytes) -> None:
            fout.write(b)
            sha.update(b)

        write(struct.pack("<i", GGML_MAGIC))
        for k in (
            "n_vocab",
            "n_audio_ctx",
            "n_audio_state",
            "n_audio_head",
            "n_audio_layer",
            "n_text_ctx",
            "n_text_state",
            "n_text_head",
            "n_text_layer",
            "n_mels",
        ):
            write(struct.pack("<i", hp[k]))
        write(struct.pack("<i", 1))  # ftype: f16 matrices
        write(struct.pack("<ii", filters.shape[0], filters.shape[1]))
        write(filters.tobytes())
        write(struct.pack("<i", len(tokens)))
        write(b"".join(struct.pack("<i", len(t)) + t for t in tokens))
        for name, data in tensors:
            ttype, arr = to_ggml(name, data)
            nb = name.encode("utf-8")
            write(struct.pack("<iii", arr.ndim, len(nb), ttype))
            write(struct.pack(f"<{arr.ndim}i", *reversed(arr.shape)))
            write(nb)
            write(arr.tobytes())
    os.replace(tmp, output)
    return {
        "hparams": hp,
        "tensors": len(tensors),
        "multilingual": multilingual,
        "sha256": sha.hexdigest(),
        "seconds": time.monotonic() - t0,
        "ct2": meta,
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model_bin", nargs="+", type=Path, help="CTranslate2 model.bin (or its parts, in order)")
    ap.add_argument("--assets", type=Path, required=True, help="folder with mel_filters.npz and *.tiktoken")
    ap.add_argument("--out", type=Path, required=True, help="output ggml file")
    ap.add_argument("--expect-sha256", help="fail (and remove the output) unless it has this sha256")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    try:
        info = convert(args.model_bin, args.assets, args.out)
    except (ConversionError, OSError, ValueError) as e:
        print(f"convert_ct2_to_ggml: error: {e}", file=sys.stderr)
        return 1
    if args.verbose:
        print(f"  hparams: {info['hparams']}")
    if args.expect_sha256 and info["sha256"] != args.expect_sha256.lower():
        args.out.unlink(missing_ok=True)
        print(
            f"convert_ct2_to_ggml: sha256 mismatch for {args.out.name}: "
            f"expected {args.expect_sha256}, got {info['sha256']}",
            file=sys.stderr,
        )
        return 2
    hp = info["hparams"]
    print(
        f"converted {args.out.name}: {hp['n_audio_layer']}+{hp['n_text_layer']} layers, "
        f"width {hp['n_text_state']}, vocab {hp['n_vocab']}"
        f"{' (multilingual)' if info['multilingual'] else ''}, {info['tensors']} tensors, "
        f"{info['seconds']:.1f} s, sha256 {info['sha256']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
