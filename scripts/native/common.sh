# shellcheck shell=bash
# Shared helpers for scripts/native/provision-* and scripts/models/provision-models.
# Sourced, not run. Every helper prints at most one line per step.

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo

MINUTES_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/minutes"
DOWNLOADS="$MINUTES_CACHE/downloads"
NATIVE_PREFIX="${MINUTES_NATIVE_PREFIX:-/usr/local}"
PY="${PYTHON:-python3}"

# "$TAG: message" on the script's stdout (fd 3, so that it also shows from inside
# $(...) captures); TAG is set by each script.
exec 3>&1
say() { printf '%s: %s\n' "${TAG:-minutes}" "$*" >&3; }
die() {
    printf '%s: error: %s\n' "${TAG:-minutes}" "$*" >&2
    exit 1
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# verify_sha256 FILE EXPECTED: dies with both hashes on a mismatch.
verify_sha256() {
    local got
    got=$(sha256_of "$1")
    [ "$got" = "$2" ] || die "sha256 mismatch for $(basename "$1"): expected $2, got $got"
}

# run_logged LOG CMD...: runs CMD with its output in LOG; on failure shows LOG's tail and dies.
run_logged() {
    local log=$1
    shift
    if ! "$@" >"$log" 2>&1; then
        tail -n 25 "$log" >&2 || true
        die "'$*' failed (full log: $log)"
    fi
}

# ensure_apt CMD:PACKAGE ...: installs the Debian packages whose command is missing.
# A bare PACKAGE (no colon) is checked with dpkg instead of a command.
_APT_UPDATED=""
ensure_apt() {
    local want=() spec cmd pkg
    for spec in "$@"; do
        if [[ $spec == *:* ]]; then
            cmd=${spec%%:*} pkg=${spec#*:}
            command -v "$cmd" >/dev/null 2>&1 && continue
        else
            pkg=$spec
            dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" && continue
        fi
        want+=("$pkg")
    done
    [ ${#want[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null 2>&1 || die "missing ${want[*]} and no apt-get to install them; install them by hand"
    mkdir -p "$MINUTES_CACHE"
    if [ -z "$_APT_UPDATED" ]; then
        say "apt-get update"
        run_logged "$MINUTES_CACHE/apt.log" $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
        _APT_UPDATED=1
    fi
    say "apt-get install ${want[*]}"
    run_logged "$MINUTES_CACHE/apt.log" $SUDO env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${want[@]}"
}

ensure_pip() {
    ensure_apt "$PY:python3"
    "$PY" -m pip --version >/dev/null 2>&1 || ensure_apt python3-pip
    "$PY" -m pip --version >/dev/null 2>&1 || die "'$PY -m pip' does not work; install pip for $PY"
}

# pypi_fetch NAME VERSION FILE SHA256 (wheel|sdist) [PIP_ARGS...]: prints the path of
# FILE in the download cache, fetching it with pip the first time. Pinned by version
# and sha256. sdist: only NAME itself comes as source (its build requirements may be
# wheels, pip needs them to read the metadata); nothing is built or installed.
pypi_fetch() {
    local name=$1 version=$2 file=$3 sha=$4 kind=$5
    shift 5
    local dest="$DOWNLOADS/$file"
    if [ -f "$dest" ]; then
        if [ "$(sha256_of "$dest")" = "$sha" ]; then
            printf '%s\n' "$dest"
            return 0
        fi
        say "cached $file has the wrong sha256: fetching it again"
        rm -f "$dest"
    fi
    ensure_pip
    mkdir -p "$DOWNLOADS"
    local tmp
    tmp=$(mktemp -d "$DOWNLOADS/.pip.XXXXXX")
    local args=(download --no-deps --disable-pip-version-check --dest "$tmp" "$@")
    if [ "$kind" = sdist ]; then
        args+=(--no-binary "$name")
    else
        args+=(--only-binary :all:)
    fi
    say "downloading $name $version ($kind) from PyPI"
    if ! "$PY" -m pip "${args[@]}" "$name==$version" >"$tmp.log" 2>&1; then
        tail -n 15 "$tmp.log" >&2
        rm -rf "$tmp"
        die "pip download $name==$version failed (log: $tmp.log)"
    fi
    if [ ! -f "$tmp/$file" ]; then
        local got
        got=$(ls "$tmp")
        rm -rf "$tmp"
        die "pip fetched '${got:-nothing}' for $name==$version, not the pinned $file (other platform or Python?)"
    fi
    verify_sha256 "$tmp/$file" "$sha"
    mv -f "$tmp/$file" "$dest"
    rm -rf "$tmp" "$tmp.log"
    printf '%s\n' "$dest"
}

# as_prefix_owner CMD...: runs CMD directly when the prefix is writable, else with sudo.
as_prefix_owner() {
    if mkdir -p "$NATIVE_PREFIX" 2>/dev/null && [ -w "$NATIVE_PREFIX" ]; then
        "$@"
    else
        $SUDO "$@"
    fi
}

# pkg-config that also sees our prefix (matters only for a non-default prefix).
pc() { PKG_CONFIG_PATH="$NATIVE_PREFIX/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" pkg-config "$@"; }

# register_libdir SONAME: makes the dynamic linker find $NATIVE_PREFIX/lib
# (ldconfig; for a prefix outside the default search path, an ld.so.conf.d entry).
register_libdir() {
    local soname=$1 libdir="$NATIVE_PREFIX/lib"
    if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
        say "not root and no sudo: run with LD_LIBRARY_PATH=$libdir"
        return 0
    fi
    $SUDO /sbin/ldconfig
    if ! /sbin/ldconfig -p | grep -qF "=> $libdir/$soname"; then
        say "adding $libdir to /etc/ld.so.conf.d/minutes-native.conf"
        printf '%s\n' "$libdir" | $SUDO tee /etc/ld.so.conf.d/minutes-native.conf >/dev/null
        $SUDO /sbin/ldconfig
    fi
    /sbin/ldconfig -p | grep -qF "=> $libdir/$soname" || die "the dynamic linker does not find $libdir/$soname after ldconfig"
}

# hint for a prefix that pkg-config does not search by default
pc_path_hint() {
    local d="$NATIVE_PREFIX/lib/pkgconfig"
    case ":$(pkg-config --variable pc_path pkg-config 2>/dev/null):${PKG_CONFIG_PATH:-}:" in
    *":$d:"*) ;;
    *) say "note: pkg-config does not search $d by default: export PKG_CONFIG_PATH=$d" ;;
    esac
}

# foreign_install PCNAME HEADER STAMPNAME: true when pkg-config finds PCNAME with its
# HEADER in a prefix that has no Minutes stamp, i.e. an install that Minutes did not make.
foreign_install() {
    command -v pkg-config >/dev/null 2>&1 || return 1
    pc --exists "$1" || return 1
    local inc prefix
    inc=$(pc --variable=includedir "$1")
    prefix=$(pc --variable=prefix "$1")
    [ -f "$inc/$2" ] || return 1
    [ ! -f "$prefix/share/minutes/$3" ]
}
