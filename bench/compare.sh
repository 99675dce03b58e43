#!/usr/bin/env bash
# shellcheck disable=SC2016 # the backticks are Markdown
# Issue 11's scale goal: the country dataset slows no list page's median by more than 1.3 × against the region's.
# Reads two reports of bench/run.sh (bench/.data/<label>.md) and compares each list page's median time per request,
# taken from its throughput as a ratio to the calibration page of the same run (the «÷ calibration» column): the two
# reports are measured at different times, and the ratio leaves out how fast the machine was then. With --by rps the
# raw median requests/s are compared instead. Prints a Markdown table (and appends it to --append FILE); exits 1 when a
# page slowed by more than the factor or is missing from one report.
#
#   bench/compare.sh bench/.data/region.md bench/.data/country.md [--factor 1.3] [--by ratio|rps] [--append bench/RESULTS.md]
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/scripts/lib/common.sh"

[[ $# -ge 2 ]] || die "usage: bench/compare.sh REGION.md COUNTRY.md [--factor 1.3] [--by ratio|rps] [--append FILE]"
REGION="$1"
COUNTRY="$2"
shift 2
FACTOR=1.3
BY=ratio
APPEND=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --factor) FACTOR="$2"; shift 2 ;;
        --by) BY="$2"; shift 2 ;;
        --append) APPEND="$2"; shift 2 ;;
        *) die "unknown option $1 (see the head of bench/compare.sh)" ;;
    esac
done
[[ -f $REGION ]] || die "no report $REGION"
[[ -f $COUNTRY ]] || die "no report $COUNTRY"
[[ $BY == ratio || $BY == rps ]] || die "--by ratio or --by rps"

# The list pages of a report, "path<TAB>figure": the rows
# | `/Municipality` | list | 43 / 43 / 43 | 0.10 | 49.6 / 75.8 / 84.3 | 10 | **missed** |
# give the median requests/s (the middle of «min / median / max») or the ratio to the calibration.
list_pages() {
    awk -F'|' -v by="$BY" '$3 ~ /^ *list *$/ {
        path = $2; sub(/^[^`]*`/, "", path); sub(/`.*$/, "", path)
        # The busiest municipality has its own id in each dataset.
        gsub(/municipalityId=[0-9]+/, "municipalityId=…", path)
        if (by == "rps") { n = split($4, r, " / "); figure = (n == 3) ? r[2] : r[1] } else figure = $5
        gsub(/ /, "", figure)
        print path "\t" figure
    }' "$1" | LC_ALL=C sort -t $'\t' -k1,1
}
[[ -n $(list_pages "$REGION") ]] || die "$REGION has no list pages: is it a report of bench/run.sh?"
[[ -n $(list_pages "$COUNTRY") ]] || die "$COUNTRY has no list pages: is it a report of bench/run.sh?"

figure_name="median requests/s"
[[ $BY == rps ]] || figure_name="÷ calibration (median)"
table="$(mktemp)"
trap 'rm -f "$table"' EXIT
missed=0
{
    printf '### Country against region (`bench/compare.sh`)\n\n'
    printf 'Reports: `%s` (region) and `%s` (country). Compared: each list page'"'"'s %s; ' "$REGION" "$COUNTRY" "$figure_name"
    printf 'country ÷ region is the median time per request at the country'"'"'s size over the region'"'"'s (region figure ÷ country figure). Goal ≤ %s.\n\n' "$FACTOR"
    printf '| page | region: %s | country: %s | country ÷ region | goal ≤ %s |\n' "$figure_name" "$figure_name" "$FACTOR"
    printf '| --- | ---: | ---: | ---: | --- |\n'
    while IFS=$'\t' read -r path region country; do
        verdict="$(awk -v a="$region" -v b="$country" -v f="$FACTOR" 'BEGIN {
            if (a == "" || b == "") { print "— not in both reports"; exit }
            if (!(a + 0 > 0) || !(b + 0 > 0)) { print "— not comparable"; exit }
            slowdown = a / b
            printf "%.2f %s\n", slowdown, (slowdown <= f) ? "met" : "**missed**" }')"
        [[ $verdict == *' met' ]] || missed=$((missed + 1))
        printf '| `%s` | %s | %s | %s | %s |\n' "$path" "${region:-—}" "${country:-—}" "${verdict%% *}" "${verdict#* }"
    done < <(LC_ALL=C join -t $'\t' -a 1 -a 2 -e '' -o 0,1.2,2.2 <(list_pages "$REGION") <(list_pages "$COUNTRY"))
    printf '\n'
} >"$table"

cat "$table"
if [[ -n $APPEND ]]; then
    { printf '\n'; cat "$table"; } >>"$APPEND"
    log "appended to $APPEND"
fi
if ((missed > 0)); then
    warn "$missed list page(s) slowed by more than $FACTOR × or not compared"
    exit 1
fi
