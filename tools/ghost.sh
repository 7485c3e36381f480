#!/usr/bin/env bash
# A real Ghost 5 on loopback for the end-to-end tests, so the signup form is tested against
# the members API it will meet in production rather than only our own receiver.
#   tools/ghost.sh install              Ghost 5.130.4 into $STORYLINE_GHOST_DIR (default
#                                       ~/.cache/storyline/ghost-5.130.4); a few minutes
#                                       once, then under a second
#   tools/ghost.sh start PORT MAILFILE  a fresh Ghost on http://127.0.0.1:PORT in the
#                                       foreground; MAILFILE, emptied first, collects
#                                       every mail it sends (an mbox)
#   tools/ghost.sh sql PORT STATEMENT   runs STATEMENT on that Ghost's database and prints
#                                       the rows as JSON (the tests read members so)
# Ready when GET http://127.0.0.1:PORT/members/api/integrity-token/ answers 200.
set -euo pipefail
# MAILFILE is named from wherever this is run.
CALLER_DIR=$PWD
cd "$(dirname "$0")/.."

GHOST_VERSION=5.130.4
# Outside the repository, so that every clone on the machine shares one install.
GHOST_DIR=${STORYLINE_GHOST_DIR:-$HOME/.cache/storyline/ghost-$GHOST_VERSION}
# Written last: without it a directory is a half-finished install and is started over.
MARKER=$GHOST_DIR/.installed
step() { printf '==> %s\n' "$*"; }
fail() { printf 'tools/ghost.sh: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
usage() { sed -n '2,12s/^# \{0,1\}//p' "$0" >&2; exit 2; }

installed() { [ "$(cat "$MARKER" 2>/dev/null)" = "ghost@$GHOST_VERSION" ]; }

install() {
  installed && return
  mkdir -p "$(dirname "$GHOST_DIR")"
  # Two clones running their tests at once must not both build into the same directory.
  exec 9>"$GHOST_DIR.lock"
  flock 9
  installed && return

  # sqlite3 and re2 cannot fetch their prebuilt binaries here, so they compile.
  local missing=()
  command -v python3 >/dev/null || missing+=(python3)
  command -v make >/dev/null || missing+=(make)
  command -v g++ >/dev/null || missing+=(g++)
  if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]} to compile Ghost's native modules"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi

  # What is there is an unfinished install, to be started over; but STORYLINE_GHOST_DIR
  # could name any directory, and one that never held Ghost is not ours to delete.
  if [ -n "$(ls -A "$GHOST_DIR" 2>/dev/null)" ] && ! [ -e "$GHOST_DIR/current" ] &&
    ! [ -e "$GHOST_DIR/ghost-$GHOST_VERSION.tgz" ]; then
    fail "$GHOST_DIR holds something other than Ghost; set STORYLINE_GHOST_DIR elsewhere"
  fi
  step "installing Ghost $GHOST_VERSION into $GHOST_DIR (2.5 to 8.5 minutes on 2 cores)"
  rm -rf "$GHOST_DIR"
  mkdir -p "$GHOST_DIR/current"
  # A plain `npm install ghost` fails; Ghost-CLI's layout (the published package unpacked
  # into current/, its dependencies installed there) works.
  (cd "$GHOST_DIR" && npm pack --silent "ghost@$GHOST_VERSION" </dev/null >/dev/null)
  tar -xzf "$GHOST_DIR/ghost-$GHOST_VERSION.tgz" -C "$GHOST_DIR/current" --strip-components=1
  rm "$GHOST_DIR/ghost-$GHOST_VERSION.tgz"
  # npm resolves devDependencies even when omitting them, and one is a GitHub URL; Ghost's
  # yarn `resolutions` become npm `overrides`, where a direct dependency must be `$name`.
  node - "$GHOST_DIR/current/package.json" <<'EOF'
const fs = require('node:fs');
const file = process.argv[2];
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
delete pkg.devDependencies;
const direct = { ...pkg.dependencies, ...pkg.optionalDependencies };
pkg.overrides = Object.fromEntries(Object.entries(pkg.resolutions ?? {})
  .map(([name, spec]) => [name, name in direct ? `$${name}` : spec]));
fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
EOF
  # Optional dependencies stay: sqlite3 is one. bookshelf's peer range excludes Ghost's knex.
  # With Node's own headers installed, node-gyp need not download them.
  local nodedir=()
  [ -e /usr/include/node/node.h ] && nodedir=(npm_config_nodedir=/usr)
  (cd "$GHOST_DIR/current" &&
    env npm_config_build_from_source=sqlite3 "${nodedir[@]}" \
      npm install --omit=dev --legacy-peer-deps --no-audit --no-fund --loglevel=error </dev/null)
  cp -R "$GHOST_DIR/current/content" "$GHOST_DIR/content"
  printf 'ghost@%s\n' "$GHOST_VERSION" >"$MARKER"
  step "Ghost $GHOST_VERSION installed"
}

instance_dir() { printf '%s/target/ghost/%s' "$PWD" "$1"; }

start() {
  local port=$1 mailfile=$2
  [[ $port =~ ^[0-9]+$ ]] || fail "PORT \"$port\" is not a port number"
  installed || fail "Ghost $GHOST_VERSION is not installed in $GHOST_DIR: run tools/ghost.sh install first"
  # Checked before anything is deleted: it may be an earlier Ghost still using this instance.
  if (: <>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "something already listens on 127.0.0.1:$port"
  fi
  mailfile=$(cd "$CALLER_DIR" && realpath -m "$mailfile")
  mkdir -p "$(dirname "$mailfile")"
  # Links in it from an earlier run would carry tokens the fresh database never issued.
  : >"$mailfile"
  local dir
  dir=$(instance_dir "$port")
  # A fresh database each run: the rate-limit counters live in it, and a run must not
  # inherit the sign-in attempts of the one before.
  rm -rf "$dir"
  mkdir -p "$dir"
  cp -R "$GHOST_DIR/content" "$dir/content"
  mkdir -p "$dir/content/logs"
  # Ghost reads its version from the package.json of ./current, as Ghost-CLI lays it out;
  # without it, it would walk up to the project's package.json and stop at the missing version.
  ln -s "$GHOST_DIR/current" "$dir/current"
  # Ghost's sendmail transport pipes each message to this, so that the tests read the
  # links from MAILFILE and nothing leaves the machine. An mbox: a "From " line before each
  # message tells where one ends; the lock keeps messages sent at once from interleaving.
  cat >"$dir/sendmail" <<EOF
#!/usr/bin/env bash
exec 9>>$(printf %q "$mailfile")
flock 9
{ printf 'From MAILER-DAEMON %s\n' "\$(LC_ALL=C date -u '+%a %b %e %T %Y')"; cat; printf '\n'; } >&9
EOF
  chmod +x "$dir/sendmail"
  node - "$dir" "$port" <<'EOF'
const fs = require('node:fs');
const [dir, port] = process.argv.slice(2);
const config = {
  url: `http://127.0.0.1:${port}`,
  server: { host: '127.0.0.1', port: Number(port) },
  database: {
    client: 'sqlite3',
    connection: { filename: `${dir}/content/data/ghost.db` },
    useNullAsDefault: true,
  },
  mail: { transport: 'sendmail', options: { path: `${dir}/sendmail` } },
  // No update checks, Gravatar or pings: nothing should reach beyond loopback.
  privacy: { useTinfoil: true },
  paths: { contentPath: `${dir}/content` },
  logging: { transports: ['file'], path: `${dir}/content/logs/`, level: 'info' },
};
fs.writeFileSync(`${dir}/config.production.json`, `${JSON.stringify(config, null, 2)}\n`);
EOF
  echo "Ghost $GHOST_VERSION on http://127.0.0.1:$port; logs in $dir/content/logs, mail to $mailfile"
  # Ghost reads config.production.json from its working directory. exec, so whoever started
  # this script (Playwright's webServer) owns Ghost itself and can stop it.
  cd "$dir"
  NODE_ENV=production exec node "$GHOST_DIR/current/index.js"
}

sql() {
  local db
  db=$(instance_dir "$1")/content/data/ghost.db
  [ -e "$db" ] || fail "no Ghost database at $db: is a Ghost started on port $1?"
  # Ghost's own sqlite3 module, so that this needs no sqlite3 command; the wait rides out
  # a write Ghost has in progress.
  NODE_PATH=$GHOST_DIR/current/node_modules node - "$db" "$2" <<'EOF'
const sqlite3 = require('sqlite3');
const [file, statement] = process.argv.slice(2);
const db = new sqlite3.Database(file);
db.configure('busyTimeout', 5000);
db.all(statement, (error, rows) => {
  if (error) throw error;
  console.log(JSON.stringify(rows));
  db.close();
});
EOF
}

case "${1:-}" in
  install) [ $# = 1 ] || usage; install ;;
  start) [ $# = 3 ] || usage; start "$2" "$3" ;;
  sql) [ $# = 3 ] || usage; sql "$2" "$3" ;;
  *) usage ;;
esac
