#!/usr/bin/env bash
# bench.sh: whole-process benchmark of l10n on a synthetic site (issue 5).
#
# Builds l10n and sitegen, generates a site of PAGES English pages in ten
# locales (es es-MX zh-Hans zh-Hant ar vi ht ko ru fr, translated 100 30 95
# 60 50 35 20 70 55 80 percent, 5% of translations stale) and its Hugo
# twin, then times each of these several times and reports medians:
#
#   build full         l10n build, after rm -rf public and the build cache
#   build no-op        l10n build again, nothing changed (files written should be 0)
#   build 1 message    l10n build after one "other" of locales/es.toml was edited
#   extract no-op      l10n extract, nothing changed
#   extract cold       l10n extract, nothing changed, without its caches (the
#                      stamp and index in .l10n-cache/): every catalog read,
#                      brought up to date and compared, as goi18n merge does
#   extract 1 edit     l10n extract after one paragraph of one page was edited
#   I/O floor          cat of every input to /dev/null, then cp -r of a built public/
#   hugo               hugo on the Hugo twin, after rm -rf public (if hugo is found)
#   goi18n merge       goi18n merge of the same catalogs (if goi18n is found)
#   build full 10x     l10n build of a site ten times as large (only with -L)
#
# Each is timed by GNU time as a whole process: wall, user and system
# seconds, peak resident memory (of the largest process), and for builds
# the files under public/ written by the run. Before each run (untimed)
# the disks are synced, so no run pays for the writes of the one before.
# A measurement is repeated up to RUNS times, but stops once its runs took
# SECONDS in all, so a slow command gets fewer runs (the table says how
# many). It ends with the ratios the targets of issue 5 name, each beside
# its target. All figures come from this one run, on this machine: other
# load skews them, so the load average is printed before and after.
#
# Usage: cmd/sitegen/bench.sh [-p PAGES] [-r RUNS] [-t SECONDS] [-w DIR] [-k] [-L]
#   -p PAGES    English pages (default 2000)
#   -r RUNS     most runs per measurement (default 3)
#   -t SECONDS  stop repeating a measurement after this many seconds (default 60)
#   -w DIR      work folder (default: a new temporary folder)
#   -k          keep the work folder (the sites, the logs, the raw times)
#   -L          also build a site of 10 x PAGES pages once (linearity; slow,
#               and needs about 10 times the disk and memory)
#
# Needs go and GNU time (/usr/bin/time, Debian package "time"). Uses hugo
# and goi18n from PATH or $(go env GOPATH)/bin where present; the project
# does not depend on them:
#   go install github.com/gohugoio/hugo@v0.152.2
#   go install github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0
# BENCH_CLEAN names what a full build removes first (default "public
# .public.standby .l10n-cache": the output, the previous site the next
# build updates, and the incremental build's cache and stamps).
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

# tool NAME: the path of an optional tool, or "" if there is none.
tool() {
	local p
	if p=$(command -v "$1"); then
		echo "$p"
	elif [[ -x "$(go env GOPATH)/bin/$1" ]]; then
		echo "$(go env GOPATH)/bin/$1"
	fi
}

# measure NAME DIR PREP CMD [COUNT]: runs CMD (bash) in DIR up to RUNS
# times, PREP (bash, untimed) before each with $I the run number; with
# COUNT, also counts the files under DIR/COUNT the run wrote. Appends
# "wall user sys maxrss_kb written" per run to times/NAME.
measure() {
	local name=$1 dir=$2 prep=$3 cmd=$4 count=${5:-} spent=0 i written
	local file=${name//\//_}
	local out=$WORK/times/$file log=$WORK/log/$file
	: >"$out"
	echo "== $name"
	for ((i = 1; i <= RUNS; i++)); do
		(cd "$dir" && I=$i bash -c "$prep")
		sync # no run pays for the writeback of the one before
		touch "$WORK/stamp"
		if ! (cd "$dir" && /usr/bin/time -o "$WORK/time.txt" -f '%e %U %S %M' bash -c "$cmd" >"$log.$i" 2>&1); then
			echo "bench.sh: $name failed:" >&2
			cat "$log.$i" >&2
			exit 1
		fi
		written=-
		if [[ -n $count ]]; then
			written=$(find "$dir/$count" -type f -newer "$WORK/stamp" | wc -l)
		fi
		echo "$(tail -1 "$WORK/time.txt") $written" >>"$out"
		echo "   run $i: $(tail -1 "$out")   (wall user sys KB written)"
		spent=$(awk -v s="$spent" -v w="$(cut -d' ' -f1 <"$WORK/time.txt" | tail -1)" 'BEGIN { print s + w }')
		if awk -v s="$spent" -v m="$MAXSEC" 'BEGIN { exit !(s >= m) }'; then
			break
		fi
	done
}

# median NAME COLUMN: the median of one column of times/NAME ("-" if none).
median() {
	local f=$WORK/times/${1//\//_}
	if [[ ! -s $f ]]; then
		echo -
		return
	fi
	cut -d' ' -f"$2" "$f" | sort -g | awk '{ v[NR] = $1 } END {
		if (v[1] == "-") { print "-"; exit }
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ratio A B: median wall of A / median wall of B, or "-".
ratio() {
	local a b
	a=$(median "$1" 1) b=$(median "$2" 1)
	if [[ $a == - || $b == - ]]; then
		echo -
	else
		awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", a / b }'
	fi
}

# check VALUE OP LIMIT: "met" or "not met" ("-" for no value).
check() {
	if [[ $1 == - ]]; then
		echo "-"
	elif awk -v v="$1" -v l="$3" "BEGIN { exit !(v $2 l) }"; then
		echo met
	else
		echo "not met"
	fi
}

row() { printf '| %-44s | %8s | %-8s | %-7s |\n' "$1" "$2" "$3" "$(check "$2" "$4" "$5")"; }

# main is the whole run; bash reads all of it before it starts, so editing
# this file during a run does not change the run.
main() {
	PAGES=2000 RUNS=3 MAXSEC=60 WORK="" KEEP=0 LINEAR=0
	while getopts "p:r:t:w:kLh" opt; do
		case $opt in
		p) PAGES=$OPTARG ;;
		r) RUNS=$OPTARG ;;
		t) MAXSEC=$OPTARG ;;
		w) WORK=$OPTARG ;;
		k) KEEP=1 ;;
		L) LINEAR=1 ;;
		h) usage; exit 0 ;;
		*) usage >&2; exit 2 ;;
		esac
	done
	CLEAN=${BENCH_CLEAN:-public .public.standby .l10n-cache}
	LOCALES=es,es-MX,zh-Hans,zh-Hant,ar,vi,ht,ko,ru,fr
	COVERAGE=100,30,95,60,50,35,20,70,55,80

	ROOT=$(cd "$(dirname "$0")/../.." && pwd)
	if [[ ! -x /usr/bin/time ]]; then
		echo "bench.sh: needs GNU time as /usr/bin/time; install it with: apt-get install time" >&2
		exit 2
	fi
	if [[ -z $WORK ]]; then
		WORK=$(mktemp -d -t l10n-bench.XXXXXX)
	else
		mkdir -p "$WORK"
	fi
	WORK=$(cd "$WORK" && pwd)
	if [[ $KEEP == 0 ]]; then
		trap 'rm -rf "$WORK"' EXIT
	fi
	mkdir -p "$WORK/bin" "$WORK/times" "$WORK/log"

	HUGO=$(tool hugo)
	GOI18N=$(tool goi18n)

	echo "== machine: $(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2}') GiB; $(go version)"
	echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "== hugo: ${HUGO:-not found (go install github.com/gohugoio/hugo@v0.152.2)}"
	[[ -n $HUGO ]] && "$HUGO" version
	echo "== goi18n: ${GOI18N:-not found (go install github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0)}"

	echo "== building l10n and sitegen"
	(cd "$ROOT" && go build -o "$WORK/bin/l10n" ./cmd/l10n && go build -o "$WORK/bin/sitegen" ./cmd/sitegen)
	L10N=$WORK/bin/l10n

	SITE=$WORK/site TWIN=$WORK/hugo
	echo "== generating $PAGES pages x $LOCALES into $WORK"
	gen_args=(-locales "$LOCALES" -coverage "$COVERAGE" -stale 5 -seed 1)
	/usr/bin/time -f '   sitegen: %e s wall, %M KB peak' "$WORK/bin/sitegen" -pages "$PAGES" "${gen_args[@]}" -out "$SITE" -hugo "$TWIN"
	echo "   inputs: $(du -sh "$SITE/content" | cut -f1) of pages, $(du -sh "$SITE/locales" | cut -f1) of catalogs"

	# The l10n site: a full build, a build with nothing changed, a build
	# after one translation changed.
	measure "build full" "$SITE" "rm -rf $CLEAN" "exec '$L10N' build" public
	measure "build no-op" "$SITE" ":" "exec '$L10N' build" public
	ES_LINE=$(awk '/^\[topics\./ { p = 1 } p && /^other = ".+"$/ { print NR; exit }' "$SITE/locales/es.toml")
	measure "build 1 message" "$SITE" 'sed -i "'"$ES_LINE"'s/\"$/ edit$I\"/" locales/es.toml' "exec '$L10N' build" public

	# Extract with nothing changed, then after an edit of one paragraph of
	# one page; the pages and catalogs are put back afterwards.
	measure "extract no-op" "$SITE" ":" "exec '$L10N' extract"
	measure "extract cold" "$SITE" "rm -f .l10n-cache/extract.stamp .l10n-cache/extract.index" "exec '$L10N' extract" locales
	PAGE=$(cd "$SITE" && find content -name '*.md' | sort | awk 'NR == 1')
	PARA=$(awk 'NR > 1 && /^\+\+\+$/ { fm = 1; next } fm && /^[A-Z]/ { print NR; exit }' "$SITE/$PAGE")
	cp "$SITE/$PAGE" "$WORK/page.orig"
	cp -r "$SITE/locales" "$WORK/locales.orig"
	measure "extract 1 edit" "$SITE" 'sed "'"$PARA"'s/$/ Updated $I./" '"'$WORK/page.orig' >'$PAGE'" "exec '$L10N' extract" locales
	cp "$WORK/page.orig" "$SITE/$PAGE"
	rm -rf "$SITE/locales" && mv "$WORK/locales.orig" "$SITE/locales"

	# The floor: read every input once, write every output byte once.
	measure "I/O floor" "$SITE" "rm -rf '$WORK/public.copy'" \
		"find content locales l10n.toml -type f -print0 | xargs -0 cat >/dev/null && cp -r public '$WORK/public.copy'"
	rm -rf "$WORK/public.copy"

	if [[ -n $HUGO ]]; then
		measure "hugo" "$TWIN" "rm -rf public resources" "exec '$HUGO' --quiet" public
	fi
	if [[ -n $GOI18N ]]; then
		measure "goi18n merge" "$SITE" "rm -rf '$WORK/goi18n' && mkdir '$WORK/goi18n'" \
			"exec '$GOI18N' merge -sourceLanguage en -outdir '$WORK/goi18n' -format toml locales/*.toml"
	fi

	if [[ $LINEAR == 1 ]]; then
		BIG=$WORK/site-big
		echo "== generating $((PAGES * 10)) pages for the linearity run"
		"$WORK/bin/sitegen" -pages $((PAGES * 10)) "${gen_args[@]}" -out "$BIG" >/dev/null
		RUNS_SAVED=$RUNS
		RUNS=1
		measure "build full 10x" "$BIG" "rm -rf $CLEAN" "exec '$L10N' build" public
		RUNS=$RUNS_SAVED
		rm -rf "$BIG"
	fi

	echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo
	OUTPUTS=$((PAGES * 11))
	printf 'Medians, %d pages x 11 languages = %d localized pages, on %d CPUs:\n\n' "$PAGES" "$OUTPUTS" "$(nproc)"
	printf '| %-16s | %4s | %8s | %8s | %8s | %8s | %9s | %7s |\n' measurement runs wall_s user_s sys_s cpu/wall peak_MiB written
	printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------------------ ------ ---------- ---------- ---------- ---------- ----------- ---------
	for name in "build full" "build no-op" "build 1 message" "extract no-op" "extract cold" "extract 1 edit" "I/O floor" hugo "goi18n merge" "build full 10x"; do
		[[ -s $WORK/times/${name//\//_} ]] || continue
		wall=$(median "$name" 1) user=$(median "$name" 2) sys=$(median "$name" 3) rss=$(median "$name" 4) written=$(median "$name" 5)
		printf '| %-16s | %4d | %8.2f | %8.2f | %8.2f | %8.2f | %9.1f | %7s |\n' "$name" "$(wc -l <"$WORK/times/${name//\//_}")" \
			"$wall" "$user" "$sys" "$(awk -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN { print (u + s) / w }')" \
			"$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$written"
	done

	full=$(median "build full" 1)
	echo
	echo "Ratios (medians of wall time):"
	echo
	printf '| %-44s | %8s | %-8s | %-7s |\n' ratio value target verdict
	printf '|%s|%s|%s|%s|\n' ---------------------------------------------- ---------- ---------- ---------
	hugo_x=-
	if [[ -s $WORK/times/hugo ]]; then
		hugo_x=$(ratio hugo "build full")
	fi
	row "l10n pages/s over Hugo's (hugo / build full)" "$hugo_x" ">= 5" ">=" 5
	row "build full / I/O floor" "$(ratio "build full" "I/O floor")" "<= 3" "<=" 3
	row "build no-op / build full" "$(ratio "build no-op" "build full")" "< 0.05" "<" 0.05
	row "files written by a no-op build" "$(median "build no-op" 5)" "0" "==" 0
	row "build 1 message / build full" "$(ratio "build 1 message" "build full")" "< 0.10" "<" 0.10
	goi=-
	if [[ -s "$WORK/times/goi18n merge" ]]; then
		goi=$(ratio "extract no-op" "goi18n merge")
		row "extract 1 edit / goi18n merge" "$(ratio "extract 1 edit" "goi18n merge")" "<= 0.10" "<=" 0.10
	fi
	row "extract no-op / goi18n merge" "$goi" "<= 0.10" "<=" 0.10
	if [[ -s "$WORK/times/goi18n merge" ]]; then
		row "extract cold / goi18n merge" "$(ratio "extract cold" "goi18n merge")" "<= 0.10" "<=" 0.10
	fi
	row "files written by a no-op extract (cold)" "$(median "extract cold" 5)" "0" "==" 0
	row "peak memory of build full, MiB" "$(awk -v k="$(median "build full" 4)" 'BEGIN { printf "%.0f", k / 1024 }')" "< 256" "<" 256
	row "peak memory of extract cold, MiB" "$(awk -v k="$(median "extract cold" 4)" 'BEGIN { printf "%.0f", k / 1024 }')" "< 256" "<" 256
	row "peak memory of extract 1 edit, MiB" "$(awk -v k="$(median "extract 1 edit" 4)" 'BEGIN { printf "%.0f", k / 1024 }')" "< 256" "<" 256
	row "CPU/wall of build full" "$(awk -v w="$full" -v u="$(median "build full" 2)" -v s="$(median "build full" 3)" 'BEGIN { printf "%.2f", (u + s) / w }')" ">= 1.7" ">=" 1.7
	if [[ -s "$WORK/times/build full 10x" ]]; then
		row "build full 10x / build full" "$(ratio "build full 10x" "build full")" "<= 11" "<=" 11
	fi
	if [[ $KEEP == 1 ]]; then
		echo
		echo "Work folder kept: $WORK (times/ holds every run, log/ the output of each)"
	fi
}

main "$@"
