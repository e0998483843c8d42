#!/usr/bin/env bash
# Times twinc's event engine against Debian's ns-3 (default scheduler, MapScheduler) on
# the two workloads of `twinc bench`: 16 periodic timers, and 1,000 pending events.
# Builds engine-workloads.cc with g++ against the libns3-dev package and twinc in release
# mode, then runs the two engines alternately ROUNDS times (default 5) and prints the best
# events per CPU second of each and their ratio. Not run by CI; see README.md.
#
#   Benchmarks/ns3/run.sh [ROUNDS]        EVENTS=5000000 by default
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
rounds=${1:-5}
events=${EVENTS:-5000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -e /usr/include/ns3/core-module.h ]; then
  echo "run.sh: ns-3 headers not found; install Debian's package: apt-get install libns3-dev" >&2
  exit 69
fi
g++ -O2 -std=c++17 Benchmarks/ns3/engine-workloads.cc -o "$work/engine-workloads" -lns3-core
swift build -c release --product twinc >/dev/null
twinc=.build/release/twinc

# Field `name=value` of an ns-3 result line.
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
# M events/s and last-event time of a `twinc bench --only engine` line.
twinc_rate() { sed -n "s/^ *$1 *\([0-9.]*\) M events\/s.*/\1/p" | head -1; }
twinc_end() { sed -n "s/^ *$1 .*last at \([0-9]*\) ns.*/\1/p" | head -1; }

best() { sort -g | tail -1; }
: >"$work/ns3-periodic"; : >"$work/ns3-pending"; : >"$work/twinc-periodic"; : >"$work/twinc-pending"
for round in $(seq "$rounds"); do
  periodic=$("$work/engine-workloads" periodic "$events")
  pending=$("$work/engine-workloads" pending "$events")
  bench=$("$twinc" bench --only engine --engine-events "$events")
  echo "$periodic" | field events_per_cpu_second >>"$work/ns3-periodic"
  echo "$pending" | field events_per_cpu_second >>"$work/ns3-pending"
  echo "$bench" | twinc_rate "periodic, 16 timers" >>"$work/twinc-periodic"
  echo "$bench" | twinc_rate "1,000 pending events" >>"$work/twinc-pending"
  for workload in periodic pending; do
    line=$([ $workload = periodic ] && echo "$periodic" || echo "$pending")
    label=$([ $workload = periodic ] && echo "periodic, 16 timers" || echo "1,000 pending events")
    ns3_end=$(echo "$line" | field end)
    twinc_last=$(echo "$bench" | twinc_end "$label")
    if [ "$ns3_end" != "$twinc_last" ]; then
      echo "run.sh: the $workload workloads differ (last event at $ns3_end ns in ns-3, $twinc_last ns in twinc)" >&2
      exit 70
    fi
  done
  printf 'round %s: ns-3 %s / %s, twinc %s / %s M events per CPU second (periodic / pending)\n' "$round" \
    "$(echo "$periodic" | field events_per_cpu_second | awk '{printf "%.2f", $1 / 1e6}')" \
    "$(echo "$pending" | field events_per_cpu_second | awk '{printf "%.2f", $1 / 1e6}')" \
    "$(tail -1 "$work/twinc-periodic")" "$(tail -1 "$work/twinc-pending")"
done

ns3_periodic=$(best <"$work/ns3-periodic")
ns3_pending=$(best <"$work/ns3-pending")
twinc_periodic=$(best <"$work/twinc-periodic")
twinc_pending=$(best <"$work/twinc-pending")
echo
echo "best of $rounds rounds ($events events each; both engines end at the same simulated time):"
awk -v n="$ns3_periodic" -v t="$twinc_periodic" \
  'BEGIN { printf "  periodic, 16 timers    ns-3 %6.2f M/s   twinc %6.2f M/s   %.2fx\n", n / 1e6, t, t * 1e6 / n }'
awk -v n="$ns3_pending" -v t="$twinc_pending" \
  'BEGIN { printf "  1,000 pending events   ns-3 %6.2f M/s   twinc %6.2f M/s   %.2fx\n", n / 1e6, t, t * 1e6 / n }'
echo
echo "to keep the ns-3 figures with twinc's own benchmark:"
echo "  $twinc bench --only engine --ns3-periodic $ns3_periodic --ns3-pending $ns3_pending"
