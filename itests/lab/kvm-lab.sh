#!/bin/bash
# A lab of KVM hosts for Kumo's end-to-end tests: each host is a network namespace kumo-kvm-N with its own libvirtd
# (qemu TCG, listening on qemu+tcp without auth) and virtlogd, in a private mount namespace where /run/libvirt,
# /var/lib/libvirt, /var/cache/libvirt, /var/log/libvirt and /etc/libvirt are per-host copies (own host_uuid).
# Hosts are joined by the root-side bridge kumokvm0 (10.252.0.1/24); host N is 10.252.0.(10+N). Every host has an
# empty bridge br_eth0 for VM NICs on an L2NoVlanNetwork with physical interface eth0. /tmp/kumo-kvm-lab/shared is
# seen by all hosts at the same path (shared storage for migration).
#
#   kvm-lab.sh start [N]              start N hosts (default 2); idempotent; prints one libvirt URI per host
#   kvm-lab.sh stop [N]               stop them, delete the namespaces, the bridge and the lab directory
#   kvm-lab.sh restart-libvirtd I     restart the libvirtd of host I (its VMs keep running)
#   kvm-lab.sh status [N]             print the URIs of the hosts whose libvirtd answers
# Needs root, iproute2, util-linux (unshare, nsenter), libvirt-daemon-system, qemu-system-x86.
#
# Several labs run side by side when each has its own names (defaults in brackets):
#   KUMO_KVM_LAB_NAME    namespace prefix, hosts are NAME-kvm-N [kumo]
#   KUMO_KVM_LAB_BRIDGE  root-side bridge, at most 15 characters [NAMEkvm0, i.e. kumokvm0]
#   KUMO_KVM_LAB_SUBNET  the /24 prefix of the lab network [10.252.0]
#   KUMO_KVM_LAB         lab directory [/tmp/NAME-kvm-lab, i.e. /tmp/kumo-kvm-lab]
#   KUMO_KVM_LAB_VETH    root-side veth prefix, at most 9 characters [kkvm for kumo, else NAME cut to 8 + v]
# e.g. KUMO_KVM_LAB_NAME=bench KUMO_KVM_LAB_SUBNET=10.253.0 kvm-lab.sh start 1 → bench-kvm-1 at 10.253.0.11 on benchkvm0.
set -euo pipefail

NAME=${KUMO_KVM_LAB_NAME:-kumo}
[[ "$NAME" =~ ^[a-z][a-z0-9]{0,9}$ ]] || { echo "KUMO_KVM_LAB_NAME: 1 to 10 lowercase letters and digits" >&2; exit 2; }
LAB=${KUMO_KVM_LAB:-/tmp/$NAME-kvm-lab}
BRIDGE=${KUMO_KVM_LAB_BRIDGE:-${NAME}kvm0}
PREFIX=${KUMO_KVM_LAB_SUBNET:-10.252.0}
if [ "$NAME" = kumo ]; then VETH=${KUMO_KVM_LAB_VETH:-kkvm}; else VETH=${KUMO_KVM_LAB_VETH:-${NAME:0:8}v}; fi
[ ${#BRIDGE} -le 15 ] || { echo "bridge name $BRIDGE is longer than 15 characters: set KUMO_KVM_LAB_BRIDGE" >&2; exit 2; }
[[ "$PREFIX" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "KUMO_KVM_LAB_SUBNET: three octets, e.g. 10.253.0" >&2; exit 2; }
CMD=${1:-}
COUNT=${2:-2}

ip_of() { echo "$PREFIX.$((10 + $1))"; }
uri_of() { echo "qemu+tcp://$(ip_of "$1")/system"; }
ns_of() { echo "$NAME-kvm-$1"; }
answers() { timeout 5 virsh -q -c "$(uri_of "$1")" version >/dev/null 2>&1; }

bridge_up() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$PREFIX.1/24" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
}

host_dirs() {
  local d=$LAB/h$1
  if [ ! -f "$d/etc/libvirtd.conf.kumo" ]; then
    rm -rf "$d"
    mkdir -p "$d"/{run,lib,cache,log,etc,pids} "$LAB/shared"
    cp -a /etc/libvirt/. "$d/etc/"
    cp -a /var/lib/libvirt/. "$d/lib/" 2>/dev/null || true
    mkdir -p "$d/lib/qemu/channel/target" "$d/log/qemu"
    rm -f "$d"/etc/qemu/networks/autostart/*.xml
    cat > "$d/etc/libvirtd.conf" <<CONF
listen_tls = 0
listen_tcp = 1
listen_addr = "$(ip_of "$1")"
auth_tcp = "none"
auth_unix_rw = "none"
host_uuid = "$(cat /proc/sys/kernel/random/uuid)"
keepalive_interval = 5
CONF
    cat >> "$d/etc/qemu.conf" <<CONF
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
cgroup_controllers = [ ]
vnc_listen = "0.0.0.0"
CONF
    touch "$d/etc/libvirtd.conf.kumo"
  fi
}

netns_up() {
  local i=$1 ns; ns=$(ns_of "$1")
  if ! ip netns list | grep -qw "$ns"; then
    ip netns add "$ns"
  fi
  if ! ip -n "$ns" link show eth0 >/dev/null 2>&1; then
    ip link del "$VETH$i" 2>/dev/null || true
    ip link add "$VETH$i" type veth peer name "$VETH$i-ns"
    ip link set "$VETH$i-ns" netns "$ns"
    ip -n "$ns" link set "$VETH$i-ns" name eth0
    ip -n "$ns" addr add "$(ip_of "$i")/24" dev eth0
    ip -n "$ns" link set eth0 up
    ip -n "$ns" link set lo up
    ip link set "$VETH$i" master "$BRIDGE" up
  fi
  if ! ip -n "$ns" link show br_eth0 >/dev/null 2>&1; then
    ip -n "$ns" link add br_eth0 type bridge
    ip -n "$ns" link set br_eth0 up
  fi
}

# Runs its arguments in host I's network namespace and a fresh private mount namespace with the per-host bind mounts.
in_new_mounts() {
  local i=$1 d=$LAB/h$1; shift
  ip netns exec "$(ns_of "$i")" unshare -m --propagation private bash -c '
    d=$1; shift
    mount --bind "$d/run" /run/libvirt 2>/dev/null || { mkdir -p /run/libvirt; mount --bind "$d/run" /run/libvirt; }
    mount --bind "$d/lib" /var/lib/libvirt
    mount --bind "$d/cache" /var/cache/libvirt
    mount --bind "$d/log" /var/log/libvirt
    mount --bind "$d/etc" /etc/libvirt
    exec "$@"' bash "$d" "$@"
}

# Runs its arguments in the namespaces of host I's running virtlogd.
in_host() {
  local i=$1 d=$LAB/h$1; shift
  nsenter -t "$(cat "$d/pids/virtlogd.pid")" -m -n "$@"
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_daemons() {
  local i=$1 d=$LAB/h$1
  if ! alive "$d/pids/virtlogd.pid"; then
    in_new_mounts "$i" virtlogd -d -p "$d/pids/virtlogd.pid"
    for _ in $(seq 50); do alive "$d/pids/virtlogd.pid" && break; sleep 0.1; done
  fi
  if ! alive "$d/pids/libvirtd.pid"; then
    in_host "$i" libvirtd -d -l -f /etc/libvirt/libvirtd.conf -p "$d/pids/libvirtd.pid"
  fi
}

await() {
  local i=$1
  for _ in $(seq 120); do answers "$i" && return 0; sleep 0.5; done
  echo "libvirtd of host $i does not answer at $(uri_of "$i"); see $LAB/h$i/log" >&2
  return 1
}

stop_host() {
  local i=$1 ns d=$LAB/h$1; ns=$(ns_of "$1")
  if ip netns list | grep -qw "$ns"; then
    local pids; pids=$(ip netns pids "$ns" || true)
    [ -n "$pids" ] && kill $pids 2>/dev/null || true
    for _ in $(seq 50); do [ -z "$(ip netns pids "$ns" 2>/dev/null)" ] && break; sleep 0.1; done
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    [ -n "$pids" ] && kill -9 $pids 2>/dev/null || true
    ip netns del "$ns" || true
  fi
  ip link del "$VETH$i" 2>/dev/null || true
  # daemons outside the network namespace cannot exist, but be sure with the pid files
  for p in "$d/pids/libvirtd.pid" "$d/pids/virtlogd.pid"; do alive "$p" && kill -9 "$(cat "$p")" 2>/dev/null || true; done
  # mounts only lived in the daemons' mount namespaces: nothing to unmount here
  rm -rf "$d"
}

case "$CMD" in
  start)
    [ "$(id -u)" = 0 ] || { echo "kvm-lab.sh needs root" >&2; exit 1; }
    bridge_up
    for i in $(seq "$COUNT"); do
      host_dirs "$i"
      netns_up "$i"
      start_daemons "$i"
    done
    for i in $(seq "$COUNT"); do await "$i"; uri_of "$i"; done
    ;;
  stop)
    for i in $(seq "$COUNT"); do stop_host "$i"; done
    if ! ls -d "$LAB"/h* >/dev/null 2>&1; then
      ip link del "$BRIDGE" 2>/dev/null || true
      rm -rf "$LAB"
    fi
    ;;
  restart-libvirtd)
    d=$LAB/h$COUNT
    if alive "$d/pids/libvirtd.pid"; then
      pid=$(cat "$d/pids/libvirtd.pid")
      kill "$pid"
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$d/pids/libvirtd.pid"
    in_host "$COUNT" libvirtd -d -l -f /etc/libvirt/libvirtd.conf -p "$d/pids/libvirtd.pid"
    await "$COUNT"
    uri_of "$COUNT"
    ;;
  status)
    for i in $(seq "$COUNT"); do answers "$i" && uri_of "$i"; done; true
    ;;
  *)
    echo "usage: $0 start [N] | stop [N] | restart-libvirtd I | status [N]" >&2
    exit 2
    ;;
esac
