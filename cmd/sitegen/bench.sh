#!/usr/bin/env bash
# bench.sh: whole-process benchmark of l10n on a synthetic site, side by
# side with Hugo v0.165.0 and goi18n merge (issues 5 and 15).
#
# Builds l10n (from this tree) and sitegen, generates a site of PAGES
# English pages in ten locales (es zh-Hans ar vi fr ko ru fil pt-BR pl,
# translated 100 60 100 60 100 60 100 60 100 60 percent, 5% of the
# translations stale, seed 1) and its Hugo twin (sitegen -hugo), then
# times each of these several times and reports medians:
#
#   build full         l10n build from nothing: no public/, no standby
#                      site, no .l10n-cache/
#   build no-op        l10n build again, nothing changed (files written should be 0)
#   build 1 message    l10n build after one current "other" of
#                      locales/es.toml was edited
#   extract no-op      l10n extract, nothing changed
#   extract cold       l10n extract, nothing changed, without its caches (the
#                      stamp and index in .l10n-cache/): every catalog read,
#                      brought up to date and compared, as goi18n merge does
#   extract 1 edit     l10n extract after one paragraph of one page was edited
#   edit+extract+build one paragraph of one page edited, then l10n extract
#                      and l10n build, timed together as one process (what
#                      a writer runs after an English edit)
#   I/O floor          cat of every input to /dev/null, then cp -r of a built public/
#   hugo               hugo on the Hugo twin, after rm -rf public resources
#                      and its cache folder (if hugo is found)
#   goi18n merge       goi18n merge of the same catalogs (if goi18n is found)
#   build full 10x     l10n build from nothing of a site of 10 x PAGES pages,
#                      once (only with -L)
#
# Each is timed by GNU time as a whole process: wall, user and system
# seconds, peak resident memory (of the largest process), and for builds
# the files under public/ written by the run. Before each run (untimed)
# the disks are synced, so no run pays for the writes of the one before.
# A measurement is repeated up to RUNS times, but stops once its runs took
# SECONDS in all, so a slow command gets fewer runs (the table says how
# many). It ends with one table of every target of issue 15 (and those of
# issue 5 it keeps), each computed from this run's medians with the
# medians beside it, and its verdict. All figures come from this one run,
# on this machine: other load skews them, so the load average is printed
# before and after.
#
# Usage: cmd/sitegen/bench.sh [-p PAGES] [-r RUNS] [-t SECONDS] [-w DIR] [-k] [-L]
#   -p PAGES    English pages (default 2000)
#   -r RUNS     most runs per measurement (default 3)
#   -t SECONDS  stop repeating a measurement after this many seconds (default 60)
#   -w DIR      work folder, new or empty (default: a new temporary folder)
#   -k          keep the work folder (the sites, the logs, the raw times)
#   -L          also build a site of 10 x PAGES pages once (memory and
#               linearity targets; slow, and needs about 10 times the disk)
#
# Needs go and GNU time (/usr/bin/time, Debian package "time"). Uses hugo
# and goi18n from PATH or $(go env GOPATH)/bin where present; the project
# does not depend on them. The Hugo target is set against Hugo v0.165.0
# (the newest Hugo this Go builds); another version is used with a warning:
#   CGO_ENABLED=0 go install github.com/gohugoio/hugo@v0.165.0
#   go install github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0
# BENCH_CLEAN names what a full build removes first (default "public
# .public.standby .l10n-cache": the output, the previous site the next
# build updates, and the incremental build's cache and stamps).
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

# HUGO_WANT is the Hugo version the targets of issue 15 are set against.
HUGO_WANT=v0.165.0

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

# untimed NAME DIR CMD: runs CMD (bash) in DIR, untimed, to bring the site
# to a known state; its output goes to log/NAME.
untimed() {
	local log=$WORK/log/${1//\//_}
	if ! (cd "$2" && bash -c "$3" >"$log" 2>&1); then
		echo "bench.sh: $1 failed:" >&2
		cat "$log" >&2
		exit 1
	fi
}

# median NAME COLUMN: the median of one column of times/NAME ("-" if
# none); COLUMN "cpu" is (user + sys) / wall, taken per run.
median() {
	local f=$WORK/times/${1//\//_}
	if [[ ! -s $f ]]; then
		echo -
		return
	fi
	awk -v c="$2" '{ print (c == "cpu" ? ($1 > 0 ? ($2 + $3) / $1 : 0) : $c) }' "$f" | sort -g | awk '{ v[NR] = $1 } END {
		if (v[1] == "-") { print "-"; exit }
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# calc FORMAT EXPR A B: printf FORMAT of the awk EXPR of a and b, or "-"
# if either is "-".
calc() {
	if [[ $3 == - || $4 == - ]]; then
		echo -
	else
		awk -v a="$3" -v b="$4" "BEGIN { printf \"$1\", $2 }"
	fi
}

# ratio A B: median wall of A / median wall of B, or "-".
ratio() { calc %.3f "a / b" "$(median "$1" 1)" "$(median "$2" 1)"; }

# walls A B: the two median walls ratio A B divides, for the table.
walls() {
	local a b
	a=$(median "$1" 1) b=$(median "$2" 1)
	if [[ $a == - || $b == - ]]; then
		echo -
	else
		echo "$a s / $b s"
	fi
}

# mib NAME: the median peak memory of NAME in MiB, or "-".
mib() { calc %.0f "a / 1024" "$(median "$1" 4)" 0; }

# check VALUE OP LIMIT: "met", "not met", or "not measured" for "-".
check() {
	if [[ $1 == - ]]; then
		echo "not measured"
	elif awk -v v="$1" -v l="$3" "BEGIN { exit !(v $2 l) }"; then
		echo met
	else
		echo "not met"
	fi
}

# row ISSUE TARGET VALUE FROM OP LIMIT: one line of the targets table.
row() {
	printf '| %5s | %-62s | %8s | %-30s | %-7s | %-12s |\n' "$1" "$2" "$3" "$4" "$5 $6" "$(check "$3" "$5" "$6")"
}

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
	if [[ $OPTIND -le $# ]]; then
		usage >&2
		exit 2
	fi
	CLEAN=${BENCH_CLEAN:-public .public.standby .l10n-cache}
	LOCALES=es,zh-Hans,ar,vi,fr,ko,ru,fil,pt-BR,pl
	COVERAGE=100,60,100,60,100,60,100,60,100,60

	ROOT=$(cd "$(dirname "$0")/../.." && pwd)
	if [[ ! -x /usr/bin/time ]]; then
		echo "bench.sh: needs GNU time as /usr/bin/time; install it with: apt-get install time" >&2
		exit 2
	fi
	if [[ -z $WORK ]]; then
		WORK=$(mktemp -d -t l10n-bench.XXXXXX)
	elif [[ -e $WORK && -n "$(ls -A "$WORK")" ]]; then
		# The work folder is removed at the end: never one holding other files.
		echo "bench.sh: -w $WORK: the folder is not empty; name a new or empty one" >&2
		exit 2
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
	CPUS=$(nproc)

	echo "== machine: $CPUS CPUs, $(free -g | awk '/^Mem:/ {print $2}') GiB; $(go version)"
	echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "== hugo: ${HUGO:-not found (CGO_ENABLED=0 go install github.com/gohugoio/hugo@$HUGO_WANT)}"
	HUGO_VERSION=-
	if [[ -n $HUGO ]]; then
		"$HUGO" version
		HUGO_VERSION=$("$HUGO" version | awk '{ print $2 }')
		HUGO_VERSION=${HUGO_VERSION%%[-+]*} # v0.165.0-abc123+extended is v0.165.0
		if [[ $HUGO_VERSION != "$HUGO_WANT" ]]; then
			echo "bench.sh: warning: hugo is $HUGO_VERSION; the target is set against $HUGO_WANT (CGO_ENABLED=0 go install github.com/gohugoio/hugo@$HUGO_WANT)" >&2
		fi
	fi
	echo "== goi18n: ${GOI18N:-not found (go install github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0)}"

	echo "== building l10n and sitegen"
	(cd "$ROOT" && go build -o "$WORK/bin/l10n" ./cmd/l10n && go build -o "$WORK/bin/sitegen" ./cmd/sitegen)
	L10N=$WORK/bin/l10n

	SITE=$WORK/site TWIN=$WORK/hugo
	echo "== generating $PAGES pages x $LOCALES (coverage $COVERAGE) into $WORK"
	gen_args=(-locales "$LOCALES" -coverage "$COVERAGE" -stale 5 -seed 1)
	/usr/bin/time -f '   sitegen: %e s wall, %M KB peak' "$WORK/bin/sitegen" -pages "$PAGES" "${gen_args[@]}" -out "$SITE" -hugo "$TWIN"
	echo "   inputs: $(du -sh "$SITE/content" | cut -f1) of pages, $(du -sh "$SITE/locales" | cut -f1) of catalogs"

	# The l10n site: a build from nothing, a build with nothing changed, a
	# build after one translation changed. The translation is the first
	# of a page (not site chrome) that is current (its hash is the English
	# one's), so that readers see the change.
	measure "build full" "$SITE" "rm -rf $CLEAN" "exec '$L10N' build" public
	measure "build no-op" "$SITE" ":" "exec '$L10N' build" public
	ES_LINE=$(awk 'FNR == 1 { f++ }
		/^\[/ { key = $0; cur = 0; next }
		/^hash = / { if (f == 1) en[key] = $3; else cur = key ~ /^\[topics\./ && en[key] == $3; next }
		f == 2 && cur && /^other = ".+"$/ { print FNR; exit }' "$SITE/locales/en.toml" "$SITE/locales/es.toml")
	if [[ -z $ES_LINE ]]; then
		echo "bench.sh: locales/es.toml has no current translation of a page to edit" >&2
		exit 1
	fi
	# shellcheck disable=SC2016 # $I is expanded by the bash that runs PREP
	measure "build 1 message" "$SITE" 'sed -i "'"$ES_LINE"'s/\"$/ edit$I\"/" locales/es.toml' "exec '$L10N' build" public

	# Extract with nothing changed, then after an edit of one paragraph of
	# one page; then that edit followed by extract and build, as a writer
	# runs them. The page and catalogs are put back after each.
	# Untimed: an extract after sitegen and the edit above, so that the
	# first run of "extract no-op" has nothing to do either.
	untimed "extract first" "$SITE" "exec '$L10N' extract"
	measure "extract no-op" "$SITE" ":" "exec '$L10N' extract"
	measure "extract cold" "$SITE" "rm -f .l10n-cache/extract.stamp .l10n-cache/extract.index" "exec '$L10N' extract" locales
	PAGE=$(cd "$SITE" && find content -name '*.md' | sort | awk 'NR == 1')
	PARA=$(awk 'NR > 1 && /^\+\+\+$/ { fm = 1; next } fm && /^[A-Z]/ { print NR; exit }' "$SITE/$PAGE")
	if [[ -z $PARA ]]; then
		echo "bench.sh: $PAGE has no paragraph to edit" >&2
		exit 1
	fi
	cp "$SITE/$PAGE" "$WORK/page.orig"
	cp -r "$SITE/locales" "$WORK/locales.orig"
	restore="cp '$WORK/page.orig' '$PAGE' && rm -rf locales && cp -r '$WORK/locales.orig' locales"
	# shellcheck disable=SC2016 # $I is expanded by the bash that runs PREP
	measure "extract 1 edit" "$SITE" 'sed "'"$PARA"'s/$/ Updated $I./" '"'$WORK/page.orig' >'$PAGE'" "exec '$L10N' extract" locales
	# Untimed: the site as it was, its public/ and caches up to date.
	untimed "settle" "$SITE" "$restore && '$L10N' extract && '$L10N' build"
	# shellcheck disable=SC2016 # $I is expanded by the bash that runs PREP
	measure "edit+extract+build" "$SITE" 'sed "'"$PARA"'s/$/ Revised $I./" '"'$WORK/page.orig' >'$PAGE'" \
		"'$L10N' extract && exec '$L10N' build" public
	untimed "restore" "$SITE" "$restore"
	rm -rf "$WORK/locales.orig"

	# The floor: read every input once, write every output byte once.
	measure "I/O floor" "$SITE" "rm -rf '$WORK/public.copy'" \
		"find content locales l10n.toml -type f -print0 | xargs -0 cat >/dev/null && cp -r public '$WORK/public.copy'"
	rm -rf "$WORK/public.copy"

	if [[ -n $HUGO ]]; then
		# Hugo's cache folder is the work folder's, emptied as public/ is:
		# a build from nothing, and nothing written outside the work folder.
		measure "hugo" "$TWIN" "rm -rf public resources '$WORK/hugo-cache'" \
			"HUGO_CACHEDIR='$WORK/hugo-cache' exec '$HUGO' --quiet" public
	fi
	if [[ -n $GOI18N ]]; then
		measure "goi18n merge" "$SITE" "rm -rf '$WORK/goi18n' && mkdir '$WORK/goi18n'" \
			"exec '$GOI18N' merge -sourceLanguage en -outdir '$WORK/goi18n' -format toml locales/*.toml"
	fi

	if [[ $LINEAR == 1 ]]; then
		BIG=$WORK/site-big
		echo "== generating $((PAGES * 10)) pages for the 10 x PAGES run"
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
	printf 'Medians, %d pages x 11 languages = %d localized pages, on %d CPUs; hugo %s:\n\n' "$PAGES" "$OUTPUTS" "$CPUS" "$HUGO_VERSION"
	printf '| %-18s | %4s | %8s | %8s | %8s | %8s | %9s | %7s |\n' measurement runs wall_s user_s sys_s cpu/wall peak_MiB written
	printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' -------------------- ------ ---------- ---------- ---------- ---------- ----------- ---------
	for name in "build full" "build no-op" "build 1 message" "extract no-op" "extract cold" "extract 1 edit" "edit+extract+build" \
		"I/O floor" hugo "goi18n merge" "build full 10x"; do
		[[ -s $WORK/times/${name//\//_} ]] || continue
		printf '| %-18s | %4d | %8.2f | %8.2f | %8.2f | %8.2f | %9.1f | %7s |\n' "$name" "$(wc -l <"$WORK/times/${name//\//_}")" \
			"$(median "$name" 1)" "$(median "$name" 2)" "$(median "$name" 3)" "$(median "$name" cpu)" \
			"$(calc %.1f "a / 1024" "$(median "$name" 4)" 0)" "$(median "$name" 5)"
	done

	full=$(median "build full" 1)
	echo
	printf 'Targets, from the medians above (issue 15, and those of issue 5 it keeps); "full" is l10n build from nothing at %d pages:\n\n' "$PAGES"
	printf '| %5s | %-62s | %8s | %-30s | %-7s | %-12s |\n' issue target value "from medians" limit verdict
	printf '|%s|%s|%s|%s|%s|%s|\n' ------- ---------------------------------------------------------------- ---------- -------------------------------- --------- --------------
	l10n_ps=$(calc %.0f "a / b" "$OUTPUTS" "$full")
	hugo_ps=$(calc %.0f "a / b" "$OUTPUTS" "$(median hugo 1)")
	hugo_from=-
	[[ $hugo_ps != - ]] && hugo_from="$l10n_ps vs $hugo_ps pages/s"
	row 15 "full: l10n pages/s over Hugo $HUGO_VERSION's on the twin" "$(ratio hugo "build full")" "$hugo_from" ">=" 5
	row 15 "full / I/O floor" "$(ratio "build full" "I/O floor")" "$(walls "build full" "I/O floor")" "<=" 3
	row 15 "full: CPU/wall on $CPUS cores" "$(calc %.2f a "$(median "build full" cpu)" 0)" \
		"$(calc "%.2f CPU s / %s s" "a, $full" "$(awk -v u="$(median "build full" 2)" -v s="$(median "build full" 3)" 'BEGIN { print u + s }')" 0)" ">=" 1.7
	row 15 "full: peak RSS, MiB, at $PAGES pages" "$(mib "build full")" "" "<" 256
	row 15 "full: peak RSS, MiB, at $((PAGES * 10)) pages (-L)" "$(mib "build full 10x")" "" "<" 512
	row 15 "files written by a no-op build" "$(median "build no-op" 5)" "" "==" 0
	row 5 "no-op build / full" "$(ratio "build no-op" "build full")" "$(walls "build no-op" "build full")" "<" 0.05
	row 15 "one changed es translation, build / full" "$(ratio "build 1 message" "build full")" "$(walls "build 1 message" "build full")" "<" 0.10
	row 15 "one edited English paragraph, extract + build / full" "$(ratio "edit+extract+build" "build full")" "$(walls "edit+extract+build" "build full")" "<" 0.10
	row 15 "full at $((PAGES * 10)) pages / full at $PAGES (-L)" "$(ratio "build full 10x" "build full")" "$(walls "build full 10x" "build full")" "<=" 11
	row 15 "cold extract / goi18n merge" "$(ratio "extract cold" "goi18n merge")" "$(walls "extract cold" "goi18n merge")" "<=" 0.10
	row 5 "no-op extract / goi18n merge" "$(ratio "extract no-op" "goi18n merge")" "$(walls "extract no-op" "goi18n merge")" "<=" 0.10
	row 5 "extract after one edited paragraph / goi18n merge" "$(ratio "extract 1 edit" "goi18n merge")" "$(walls "extract 1 edit" "goi18n merge")" "<=" 0.10
	row 5 "files written by a cold extract" "$(median "extract cold" 5)" "" "==" 0
	row 5 "cold extract: peak RSS, MiB" "$(mib "extract cold")" "" "<" 256
	row 5 "extract after one edited paragraph: peak RSS, MiB" "$(mib "extract 1 edit")" "" "<" 256
	if [[ $LINEAR == 0 ]]; then
		echo
		echo "Rows at $((PAGES * 10)) pages need -L."
	fi
	if [[ $KEEP == 1 ]]; then
		echo
		echo "Work folder kept: $WORK (times/ holds every run, log/ the output of each)"
	fi
}

main "$@"
