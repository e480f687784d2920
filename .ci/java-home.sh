# Sourced by .ci/run and bin/radhus: choose a JDK >= 21 and export JAVA_HOME (and PATH) for it.
# Order: a JAVA_HOME that is already >= 21; then any JDK under /usr/lib/jvm that is >= 21 (newest first);
# else install Debian's openjdk-21 (or newer) package when running as root.
java_major() { "$1/bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -1; }
pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local d
  for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    d="${d%/}"
    if [ -x "$d/bin/javac" ] && [ "$(java_major "$d")" -ge 21 ] 2>/dev/null; then JAVA_HOME="$d"; return 0; fi
  done
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "No JDK >= 21 found; installing one from Debian's packages ..." >&2
    apt-get update -qq >/dev/null && (apt-get install -y -qq openjdk-21-jdk-headless >/dev/null 2>&1 \
      || apt-get install -y -qq openjdk-25-jdk-headless >/dev/null 2>&1) || true
    for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
      d="${d%/}"
      if [ -x "$d/bin/javac" ] && [ "$(java_major "$d")" -ge 21 ] 2>/dev/null; then JAVA_HOME="$d"; return 0; fi
    done
  fi
  echo "No JDK >= 21 found. Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
  return 1
}
pick_jdk || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
