#!/bin/sh
# Install a prebuilt areena binary on Linux or macOS.
#
#   curl -sSfL https://<releases>/v0.1.0/install.sh | sh
#   sh install.sh [--version 0.1.0] [--to ~/.local/bin] [--sha256 <checksum of the archive>]
#
# Downloads areena-v<version>-<target>.tar.gz of this machine's system and processor
# from AREENA_RELEASES (default below), checks it against the release's .sha256 file
# (and against --sha256 when given), and puts the `areena` binary in --to.
set -eu

version="0.1.0"
to="${HOME}/.local/bin"
pin=""
releases="${AREENA_RELEASES:-https://git.example/areena/areena/releases/download}"

while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="${2#v}"; shift 2 ;;
    --to) to="$2"; shift 2 ;;
    --sha256) pin="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" 2>/dev/null || true; exit 0 ;;
    *) echo "install.sh: unknown option $1 (use --version, --to or --sha256)" >&2; exit 2 ;;
  esac
done

case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) echo "install.sh: no prebuilt areena for the processor $(uname -m); install from source with cargo" >&2; exit 1 ;;
esac
case "$(uname -s)" in
  Linux) target="$arch-unknown-linux-musl" ;;
  Darwin) target="$arch-apple-darwin" ;;
  *) echo "install.sh: no prebuilt areena for $(uname -s) here; on Windows download the .zip from the release page" >&2; exit 1 ;;
esac

sum() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

archive="areena-v$version-$target.tar.gz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "downloading $releases/v$version/$archive"
curl -sSfL --retry 3 -o "$work/$archive" "$releases/v$version/$archive"
curl -sSfL --retry 3 -o "$work/$archive.sha256" "$releases/v$version/$archive.sha256"
expected=$(cut -d' ' -f1 "$work/$archive.sha256")
actual=$(sum "$work/$archive")
if [ "$actual" != "$expected" ]; then
  echo "install.sh: the download's checksum $actual is not the release's $expected; nothing installed" >&2
  exit 1
fi
if [ -n "$pin" ] && [ "$actual" != "$pin" ]; then
  echo "install.sh: the download's checksum $actual is not the pinned $pin; nothing installed" >&2
  exit 1
fi
tar -xzf "$work/$archive" -C "$work" areena
mkdir -p "$to"
mv "$work/areena" "$to/areena"
echo "installed areena $version in $to/areena"
case ":$PATH:" in
  *":$to:"*) ;;
  *) echo "note: $to is not on your PATH; add it, e.g. export PATH=\"$to:\$PATH\"" ;;
esac
