#!/usr/bin/env bash
# shellcheck shell=bash
# Finds a JDK 21 or newer for paperdex. Meant to be sourced (by ./paperdex and .ci/run):
#
#     . scripts/find-jdk.sh
#     paperdex_find_jdk || exit 1
#
# paperdex_find_jdk exports JAVA_HOME to the first JDK (bin/java and bin/javac) of major
# version 21+ among, in this order:
#   1. $JAVA_HOME, if set;
#   2. the java on the PATH (its real home: readlink -f of `command -v java`, minus /bin/java);
#   3. the newest JDK under the usual JVM directories (PAPERDEX_JVM_DIRS below).
# Otherwise it prints one line to stderr saying what it found instead and returns 1.
# Safe under `set -euo pipefail`; it changes no shell options and leaves nothing behind
# but JAVA_HOME and the two functions.

# Globs of JDK homes searched in step 3 (an array; a caller may replace it after sourcing).
PAPERDEX_JVM_DIRS=(
  '/usr/lib/jvm/*'
  '/usr/java/*'
  '/opt/java/*'
  '/Library/Java/JavaVirtualMachines/*/Contents/Home'
)

# _paperdex_java_version HOME: prints "MAJOR MINOR PATCH" of HOME/bin/java, from the output
# of `java -version` (forms: "21.0.2", "25", "21-ea", "17.0.15", old "1.8.0_402").
# Returns 1 when HOME has no runnable bin/java or the version cannot be read.
_paperdex_java_version() {
  local home=$1 out major minor patch
  [[ -f $home/bin/java && -x $home/bin/java ]] || return 1
  out=$("$home/bin/java" -version 2>&1 </dev/null) || return 1
  [[ $out =~ version\ \"([0-9]+)(\.([0-9]+))?(\.([0-9]+))? ]] || return 1
  major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[3]:-0} patch=${BASH_REMATCH[5]:-0}
  if [[ $major == 1 ]]; then # 1.8.0 means Java 8
    major=$minor minor=$patch patch=0
  fi
  # Strip leading zeros so that arithmetic does not read them as octal.
  printf '%d %d %d\n' "$((10#$major))" "$((10#$minor))" "$((10#$patch))"
}

paperdex_find_jdk() {
  local min=21 home ver major minor patch
  local -a notes=()

  # 1. JAVA_HOME
  if [[ -n ${JAVA_HOME:-} ]]; then
    home=${JAVA_HOME%/}
    [[ -n $home ]] || home=/
    if [[ ! -d $home ]]; then
      notes+=("JAVA_HOME=$JAVA_HOME does not exist")
    elif ! ver=$(_paperdex_java_version "$home"); then
      notes+=("JAVA_HOME=$JAVA_HOME has no working bin/java")
    else
      read -r major _ <<<"$ver"
      if ((major < min)); then
        notes+=("JAVA_HOME=$JAVA_HOME is Java $major")
      elif [[ ! -x $home/bin/javac ]]; then
        notes+=("JAVA_HOME=$JAVA_HOME is a Java $major JRE without javac")
      else
        export JAVA_HOME=$home
        return 0
      fi
    fi
  fi

  # 2. java on the PATH
  local path_java='' path_home=''
  if path_java=$(command -v java 2>/dev/null) && [[ -n $path_java ]]; then
    path_java=$(readlink -f -- "$path_java" 2>/dev/null) || path_java=$(command -v java)
    path_home=${path_java%/bin/java}
    if [[ $path_home == "$path_java" ]]; then
      notes+=("java on PATH ($path_java) is not in a JDK's bin directory")
      path_home=''
    elif ! ver=$(_paperdex_java_version "$path_home"); then
      notes+=("java on PATH ($path_java) does not run")
    else
      read -r major _ <<<"$ver"
      if ((major < min)); then
        notes+=("java on PATH is Java $major")
      elif [[ ! -x $path_home/bin/javac ]]; then
        notes+=("java on PATH is a Java $major JRE without javac")
      else
        export JAVA_HOME=$path_home
        return 0
      fi
    fi
  else
    notes+=("no java on PATH")
  fi

  # 3. The usual JVM directories: the newest JDK 21+ (highest major.minor.patch).
  local glob root best='' best_key=-1 key seen
  local -a checked=() roots=()
  if [[ -n $path_home ]]; then checked+=("$path_home"); fi
  if [[ -n ${JAVA_HOME:-} ]]; then checked+=("${JAVA_HOME%/}"); fi
  for glob in ${PAPERDEX_JVM_DIRS[@]+"${PAPERDEX_JVM_DIRS[@]}"}; do
    root=${glob%%\**}
    roots+=("${root%/*}")
    for home in $glob; do # unquoted on purpose: expand the glob (an unmatched one stays literal)
      [[ -x $home/bin/java && -x $home/bin/javac ]] || continue
      # Skip homes already looked at (symlinked aliases such as java-1.17.0-openjdk-amd64).
      for seen in ${checked[@]+"${checked[@]}"}; do
        if [[ $home -ef $seen ]]; then continue 2; fi
      done
      checked+=("$home")
      ver=$(_paperdex_java_version "$home") || continue
      read -r major minor patch <<<"$ver"
      ((major >= min)) || continue
      key=$((major * 1000000 + minor * 1000 + patch))
      if ((key > best_key)); then
        best=$home best_key=$key
      fi
    done
  done
  if [[ -n $best ]]; then
    export JAVA_HOME=$best
    return 0
  fi

  local existing='' all=''
  for root in ${roots[@]+"${roots[@]}"}; do
    all+="${all:+, }$root"
    if [[ -d $root ]]; then existing+="${existing:+, }$root"; fi
  done
  if [[ -n $existing ]]; then
    notes+=("no JDK $min+ under $existing")
  else
    notes+=("none of $all exists")
  fi
  local joined='' note
  for note in "${notes[@]}"; do
    joined+="${joined:+, }$note"
  done
  echo "paperdex: needs a JDK $min or newer; found none ($joined). Install one and set JAVA_HOME." >&2
  return 1
}
