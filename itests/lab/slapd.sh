#!/bin/bash
# An OpenLDAP server for Kumo's LDAP tests: slapd on 127.0.0.1 only, a throw-away mdb database under $DIR, suffix
# dc=kumo,dc=test, admin cn=admin,dc=kumo,dc=test / admin-secret, and two users in ou=people:
# uid=alice (password alice-secret) and uid=bob (password bob-secret).
#
#   slapd.sh start    (re)create the directory from scratch and start slapd; prints its URL (last line)
#   slapd.sh stop     stop slapd and delete the directory
#   slapd.sh status   print the URL if slapd answers
# Installs slapd and ldap-utils with apt when they are missing (needs root then).
#   KUMO_SLAPD_DIR   state directory [/tmp/kumo-slapd]
#   KUMO_SLAPD_PORT  port on 127.0.0.1 [3389]
set -euo pipefail

DIR=${KUMO_SLAPD_DIR:-/tmp/kumo-slapd}
PORT=${KUMO_SLAPD_PORT:-3389}
URL="ldap://127.0.0.1:$PORT"
SUFFIX="dc=kumo,dc=test"
ADMIN="cn=admin,$SUFFIX"
ADMIN_PW="admin-secret"

log() { echo "slapd.sh: $*" >&2; }

install_packages() {
  local missing=() p
  for p in slapd ldap-utils; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return
  [ "$(id -u)" = 0 ] || { log "need root to install ${missing[*]}"; exit 1; }
  log "installing ${missing[*]}"
  # apt never starts services here; preseed keeps the package's own configuration out of the way
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
  apt-get -o DPkg::Lock::Timeout=600 update -qq || { log "apt-get update failed: no package repository reachable"; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { log "apt-get install ${missing[*]} failed"; exit 1; }
}

answers() { ldapsearch -x -H "$URL" -D "$ADMIN" -w "$ADMIN_PW" -b "$SUFFIX" -s base dn >/dev/null 2>&1; }

stop() {
  if [ -f "$DIR/slapd.pid" ]; then
    local pid; pid=$(cat "$DIR/slapd.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$DIR"
}

start() {
  install_packages
  stop
  mkdir -p "$DIR/db"
  local modules; modules=$(dirname "$(ls /usr/lib/ldap/back_mdb.so /usr/lib/*/ldap/back_mdb.so 2>/dev/null | head -1)")
  cat > "$DIR/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
pidfile $DIR/slapd.pid
argsfile $DIR/slapd.args
modulepath $modules
moduleload back_mdb
database mdb
maxsize 104857600
suffix "$SUFFIX"
rootdn "$ADMIN"
rootpw $(slappasswd -s "$ADMIN_PW")
directory $DIR/db
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
CONF
  cat > "$DIR/seed.ldif" <<LDIF
dn: $SUFFIX
objectClass: dcObject
objectClass: organization
o: Kumo test
dc: kumo

dn: ou=people,$SUFFIX
objectClass: organizationalUnit
ou: people

dn: uid=alice,ou=people,$SUFFIX
objectClass: inetOrgPerson
uid: alice
cn: Alice
sn: Liddell
userPassword: $(slappasswd -s alice-secret)

dn: uid=bob,ou=people,$SUFFIX
objectClass: inetOrgPerson
uid: bob
cn: Bob
sn: Builder
userPassword: $(slappasswd -s bob-secret)
LDIF
  slapadd -q -f "$DIR/slapd.conf" -l "$DIR/seed.ldif" 2> "$DIR/slapadd.log" || { cat "$DIR/slapadd.log" >&2; exit 1; }
  slapd -f "$DIR/slapd.conf" -h "$URL/" 2> "$DIR/slapd.log" || { cat "$DIR/slapd.log" >&2; exit 1; }
  for _ in $(seq 1 100); do answers && break; sleep 0.1; done
  answers || { log "slapd did not answer on $URL; see $DIR/slapd.log"; exit 1; }
  log "slapd is up on $URL (suffix $SUFFIX, state in $DIR)"
  echo "$URL"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answers && echo "$URL" ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
