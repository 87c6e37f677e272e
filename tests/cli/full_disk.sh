#!/usr/bin/env bash
# Runs one storyplot command whose output goes to a small tmpfs that is full but for 8 KiB, over
# a previous file at the same path. Prints the exit code, whether the previous file is unchanged,
# the folder's listing and storyplot's standard error, one item a line.
#   full_disk.sh STORYPLOT OUTPUT_NAME ARGS...     (ARGS may use @OUT@ for the output's path)
# FREE_BYTES: what is left free (8192); PREVIOUS: a file to copy as the previous output (else random bytes).
set -u
bin=$1 out=$2
shift 2
mnt=$(mktemp -d)
err=$(mktemp)  # outside the full disk
trap 'rmdir "$mnt"; rm -f "$err"' EXIT
ns=(unshare -m)
[[ $(id -u) -eq 0 ]] || ns=(unshare -rm)
command -v unshare >/dev/null || { echo "unshare is not installed (util-linux)"; exit 90; }
FREE_BYTES=${FREE_BYTES:-8192} PREVIOUS=${PREVIOUS:-} "${ns[@]}" bash -c '
  set -u
  mnt=$1 bin=$2 out=$3 err=$4
  shift 4
  mount -t tmpfs -o size=1m tmpfs "$mnt" || { echo "cannot mount a tmpfs"; exit 90; }
  cd "$mnt"
  # The previous output: some bytes the failed run must leave exactly as they are.
  if [[ $out == */ ]]; then mkdir -p "$out"; elif [[ -n $PREVIOUS ]]; then cp "$PREVIOUS" "$out"; else head -c 20000 /dev/urandom > "$out"; fi
  before=$( [[ -f $out ]] && sha256sum "$out" || ls -a "$out" )
  dd if=/dev/zero of=.fill bs=4k 2>/dev/null
  truncate -s -${FREE_BYTES:-8192} .fill
  args=()
  for a in "$@"; do args+=("${a//@OUT@/$mnt/$out}"); done
  "$bin" "${args[@]}" >/dev/null 2>"$err"
  echo "code=$?"
  after=$( [[ -f $out ]] && sha256sum "$out" || ls -a "$out" )
  [[ $before == "$after" ]] && echo "previous=unchanged" || echo "previous=changed"
  rm -f .fill
  echo "files=$(ls -A | tr "\n" " ")"
  echo "stderr_lines=$(wc -l < "$err")"
  cat "$err"
' full_disk "$mnt" "$bin" "$out" "$err" "$@"
