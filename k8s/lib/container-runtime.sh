# Sourced by k8s/build-images and k8s/smoke: makes podman usable on this machine, or fails loudly.
# Debian's podman, buildah and debootstrap (installed when missing, as root); containers run with runc
# (crun fails on some kernels' cgroup setup) and without podman's default ulimits.
container_runtime_setup() {
  local missing=()
  command -v podman >/dev/null 2>&1 || missing+=(podman)
  command -v buildah >/dev/null 2>&1 || missing+=(buildah)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  command -v runc >/dev/null 2>&1 || missing+=(runc)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      echo "FAIL: ${missing[*]} missing and cannot be installed here (needs root and apt-get)" >&2
      return 1
    fi
    echo "Installing ${missing[*]} (Debian) ..."
    apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null \
      || { echo "FAIL: could not install ${missing[*]}" >&2; return 1; }
  fi
  local conf=/etc/containers/containers.conf
  mkdir -p /etc/containers
  if ! grep -q '^# radhus k8s/lib/container-runtime.sh' "$conf" 2>/dev/null; then
    # written whole: podman reads [containers] and [engine] once each
    [ -f "$conf" ] && cp "$conf" "$conf.before-radhus"
    cat > "$conf" <<'CONF'
# radhus k8s/lib/container-runtime.sh: runc (crun fails on this kernel's cgroup setup), no default ulimits
[containers]
default_ulimits = []

[engine]
runtime = "runc"
CONF
  fi
}

# Runs `true` in the image, or fails loudly: a machine that cannot run containers is an error, never a skip.
container_runtime_check() {
  if ! podman run --rm --network none "$1" true >/dev/null 2>"${TMPDIR:-/tmp}/radhus-podman-check.err"; then
    echo "FAIL: this machine cannot run containers (podman run $1):" >&2
    cat "${TMPDIR:-/tmp}/radhus-podman-check.err" >&2
    return 1
  fi
}
