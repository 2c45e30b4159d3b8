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
# With -B REV it also builds l10n from the git revision REV of this
# repository (the baseline, "before"; this tree is "after"), copies the
# site before anything runs on it, and takes every l10n measurement
# (build full to edit+extract+build) of both binaries, each on its own
# copy of the site, interleaved run by run (before run 1, after run 1, after
# run 2, before run 2, ...) so that other load hits both alike; each untimed
# step between them is applied to both copies alike. The two stop once
# either binary's runs took SECONDS in all, so both get as many runs. A
# last table sets them side by side: the medians of wall, user, peak
# memory and files written, the ratios after / before, and a verdict per
# measurement: "no worse" when after's wall and user are at most before's
# plus BENCH_NOISE percent (default 5) plus 0.02 s (two ticks of GNU
# time), its peak at most before's plus BENCH_NOISE percent, and it wrote
# no more files; else "worse", naming the figures. The other tables are
# of this tree's binary alone.
#
# Usage: cmd/sitegen/bench.sh [-p PAGES] [-r RUNS] [-t SECONDS] [-w DIR] [-k] [-L] [-B REV]
#   -p PAGES    English pages (default 2000)
#   -r RUNS     most runs per measurement (default 3)
#   -t SECONDS  stop repeating a measurement after this many seconds (default 60)
#   -w DIR      work folder, new or empty (default: a new temporary folder)
#   -k          keep the work folder (the sites, the logs, the raw times)
#   -L          also build a site of 10 x PAGES pages once (memory and
#               linearity targets; slow, and needs about 10 times the disk)
#   -B REV      also time l10n built from the git revision REV (a commit,
#               branch or tag of this repository), before and after side by
#               side (twice the disk of the site, and about twice the time)
#
# Needs go and GNU time (/usr/bin/time, Debian package "time"), and git
# for -B. Uses hugo and goi18n from PATH or $(go env GOPATH)/bin where
# present; the project does not depend on them. The Hugo target is set against Hugo v0.165.0
# (the newest Hugo this Go builds); another version is used with a warning:
#   CGO_ENABLED=0 go install github.com/gohugoio/hugo@v0.165.0
#   go install github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0
# BENCH_CLEAN names what a full build removes first (default "public
# .public.standby .l10n-cache": the output, the previous site the next
# build updates, and the incremental build's cache and stamps). BENCH_NOISE
# is the allowance, in percent, of the verdicts of -B (default 5).
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
	local name=$1 spent=0 i
	echo "== $name"
	: >"$WORK/times/${name//\//_}"
	for ((i = 1; i <= RUNS; i++)); do
		once "$name" "$2" "$3" "$4" "${5:-}" "$i" "$L10N" "$WORK/orig"
		spent=$(add "$spent" "$name")
		if enough "$spent"; then
			break
		fi
	done
}

# pair NAME PREP CMD [COUNT]: measure NAME, an l10n command, on the site;
# PREP and CMD name the binary "$L10N" and the folder of the site's saved
# page and catalogs "$ORIG". With -B, the same runs of the baseline on its
# own site (into times/base:NAME) alternate with this tree's run by run,
# the baseline's first, until either's runs took SECONDS in all: both get
# as many runs.
pair() {
	local name=$1 spent=0 spent_base=0 i
	if [[ -z $BASE ]]; then
		measure "$name" "$SITE" "$2" "$3" "${4:-}"
		return
	fi
	echo "== $name (before: $BASE_LABEL; after: this tree; interleaved)"
	: >"$WORK/times/base:${name//\//_}"
	: >"$WORK/times/${name//\//_}"
	for ((i = 1; i <= RUNS; i++)); do
		# Odd runs take the baseline first, even runs the tree first, so
		# that neither side always follows the other's writes.
		if ((i % 2)); then
			once "base:$name" "$SITE_BASE" "$2" "$3" "${4:-}" "$i" "$L10N_BASE" "$WORK/orig-base"
			once "$name" "$SITE" "$2" "$3" "${4:-}" "$i" "$L10N" "$WORK/orig"
		else
			once "$name" "$SITE" "$2" "$3" "${4:-}" "$i" "$L10N" "$WORK/orig"
			once "base:$name" "$SITE_BASE" "$2" "$3" "${4:-}" "$i" "$L10N_BASE" "$WORK/orig-base"
		fi
		spent_base=$(add "$spent_base" "base:$name")
		spent=$(add "$spent" "$name")
		if enough "$spent_base" || enough "$spent"; then
			break
		fi
	done
}

# once NAME DIR PREP CMD COUNT I L10N ORIG: run I of measure or pair, with
# $I, $L10N and $ORIG set for PREP and CMD; appends its line to
# times/NAME. The lines of a pair say "before" (NAME base:...) or "after".
once() {
	local name=$1 dir=$2 prep=$3 cmd=$4 count=$5 i=$6 written side=""
	local file=${name//\//_}
	local out=$WORK/times/$file log=$WORK/log/$file
	if [[ $name == base:* ]]; then
		side=" before"
	elif [[ -e $WORK/times/base:$file ]]; then
		side=" after "
	fi
	(cd "$dir" && I=$i L10N=$7 ORIG=$8 bash -c "$prep")
	sync # no run pays for the writeback of the one before
	touch "$WORK/stamp"
	if ! (cd "$dir" && I=$i L10N=$7 ORIG=$8 /usr/bin/time -o "$WORK/time.txt" -f '%e %U %S %M' bash -c "$cmd" >"$log.$i" 2>&1); then
		echo "bench.sh: $name failed:" >&2
		cat "$log.$i" >&2
		exit 1
	fi
	written=-
	if [[ -n $count ]]; then
		written=$(find "$dir/$count" -type f -newer "$WORK/stamp" | wc -l)
	fi
	echo "$(tail -1 "$WORK/time.txt") $written" >>"$out"
	echo "  $side run $i: $(tail -1 "$out")   (wall user sys KB written)"
}

# add SECONDS NAME: SECONDS plus the wall of the last run of NAME.
add() {
	awk -v s="$1" -v w="$(tail -1 "$WORK/times/${2//\//_}" | cut -d' ' -f1)" 'BEGIN { print s + w }'
}

# enough SECONDS: whether runs that took SECONDS in all end a measurement.
enough() { awk -v s="$1" -v m="$MAXSEC" 'BEGIN { exit !(s >= m) }'; }

# untimed NAME DIR CMD: runs CMD (bash) in DIR, untimed, to bring the site
# to a known state; its output goes to log/NAME. CMD names the binary
# "$L10N" and the originals' folder "$ORIG", as pair's do.
untimed() {
	local log=$WORK/log/${1//\//_} l10n=$L10N orig=$WORK/orig
	if [[ $1 == base:* ]]; then
		l10n=$L10N_BASE orig=$WORK/orig-base
	fi
	if ! (cd "$2" && L10N=$l10n ORIG=$orig bash -c "$3" >"$log" 2>&1); then
		echo "bench.sh: $1 failed:" >&2
		cat "$log" >&2
		exit 1
	fi
}

# settle NAME CMD: untimed NAME on the site, and with -B the same on the
# baseline's (as base:NAME), so that both are in the same state.
settle() {
	if [[ -n $BASE ]]; then
		untimed "base:$1" "$SITE_BASE" "$2"
	fi
	untimed "$1" "$SITE" "$2"
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

# over A B: A / B to three places, or "-" if either is "-" or B is 0.
over() {
	if [[ $2 == - ]] || awk -v b="$2" 'BEGIN { exit !(b == 0) }'; then
		echo -
	else
		calc %.3f "a / b" "$1" "$2"
	fi
}

# within AFTER BEFORE PERCENT SLACK: whether AFTER is at most BEFORE plus
# PERCENT percent plus SLACK (true if either is "-").
within() {
	[[ $1 == - || $2 == - ]] || awk -v a="$1" -v b="$2" -v p="$3" -v s="$4" 'BEGIN { exit !(a <= b * (1 + p / 100) + s) }'
}

# versus NAME: the row of NAME in the table of -B: the medians of the
# baseline (base:NAME) and of this tree (NAME), the ratios after /
# before, and the verdict, which names the figures that are worse. Files
# written have no allowance.
versus() {
	local b=base:$1 a=$1 verdict list wb wa ub ua pb pa fb fa
	local -a worse=()
	wb=$(median "$b" 1) wa=$(median "$a" 1)
	ub=$(median "$b" 2) ua=$(median "$a" 2)
	pb=$(median "$b" 4) pa=$(median "$a" 4)
	fb=$(median "$b" 5) fa=$(median "$a" 5)
	within "$wa" "$wb" "$NOISE" 0.02 || worse+=(wall)
	within "$ua" "$ub" "$NOISE" 0.02 || worse+=(user)
	within "$pa" "$pb" "$NOISE" 0 || worse+=(peak)
	within "$fa" "$fb" 0 0 || worse+=(files)
	verdict="no worse"
	if ((${#worse[@]})); then
		printf -v list '%s, ' "${worse[@]}"
		verdict="worse: ${list%, }"
		WORSE=$((WORSE + 1))
	fi
	printf '| %-18s | %4d | %7.2f | %7.2f | %6s | %7.2f | %7.2f | %6s | %7.1f | %7.1f | %6s | %7s | %7s | %-23s |\n' "$1" "$(wc -l <"$WORK/times/${a//\//_}")" \
		"$wb" "$wa" "$(over "$wa" "$wb")" "$ub" "$ua" "$(over "$ua" "$ub")" \
		"$(calc %.1f "a / 1024" "$pb" 0)" "$(calc %.1f "a / 1024" "$pa" 0)" "$(over "$pa" "$pb")" "$fb" "$fa" "$verdict"
}

# es_line DIR: the line of DIR/locales/es.toml that "build 1 message"
# edits: the "other" of the first translation of a page (not site chrome)
# that is current (its hash is the English one's), so that readers see
# the change; "" if there is none.
es_line() {
	awk 'FNR == 1 { f++ }
		/^\[/ { key = $0; cur = 0; next }
		/^hash = / { if (f == 1) en[key] = $3; else cur = key ~ /^\[topics\./ && en[key] == $3; next }
		f == 2 && cur && /^other = ".+"$/ { print FNR; exit }' "$1/locales/en.toml" "$1/locales/es.toml"
}

# main is the whole run; bash reads all of it before it starts, so editing
# this file during a run does not change the run.
# shellcheck disable=SC2016 # $I, $L10N and $ORIG in PREP and CMD are expanded by the bash that runs them
main() {
	PAGES=2000 RUNS=3 MAXSEC=60 WORK="" KEEP=0 LINEAR=0 BASE=""
	while getopts "p:r:t:w:kLB:h" opt; do
		case $opt in
		p) PAGES=$OPTARG ;;
		r) RUNS=$OPTARG ;;
		t) MAXSEC=$OPTARG ;;
		w) WORK=$OPTARG ;;
		k) KEEP=1 ;;
		L) LINEAR=1 ;;
		B) BASE=$OPTARG ;;
		h) usage; exit 0 ;;
		*) usage >&2; exit 2 ;;
		esac
	done
	if [[ $OPTIND -le $# ]]; then
		usage >&2
		exit 2
	fi
	CLEAN=${BENCH_CLEAN:-public .public.standby .l10n-cache}
	NOISE=${BENCH_NOISE:-5}
	LOCALES=es,zh-Hans,ar,vi,fr,ko,ru,fil,pt-BR,pl
	COVERAGE=100,60,100,60,100,60,100,60,100,60

	ROOT=$(cd "$(dirname "$0")/../.." && pwd)
	if [[ ! -x /usr/bin/time ]]; then
		echo "bench.sh: needs GNU time as /usr/bin/time; install it with: apt-get install time" >&2
		exit 2
	fi
	if [[ -n $BASE ]]; then
		if ! BASE_COMMIT=$(git -C "$ROOT" rev-parse --verify --quiet "$BASE^{commit}"); then
			echo "bench.sh: -B $BASE: not a commit of $ROOT" >&2
			exit 2
		fi
		BASE_LABEL=$(git -C "$ROOT" rev-parse --short "$BASE_COMMIT")
		if [[ $BASE_LABEL != "$BASE" ]]; then
			BASE_LABEL="$BASE = $BASE_LABEL"
		fi
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
	if [[ -n $BASE ]]; then
		# The baseline: the files of REV as git archive gives them, built
		# without version control stamps (there is no .git there).
		echo "== building l10n $BASE_LABEL (the baseline of -B) from git archive"
		mkdir "$WORK/base-src"
		git -C "$ROOT" archive "$BASE_COMMIT" | tar -x -C "$WORK/base-src"
		(cd "$WORK/base-src" && go build -buildvcs=false -o "$WORK/bin/l10n-base" ./cmd/l10n)
		rm -rf "$WORK/base-src"
		L10N_BASE=$WORK/bin/l10n-base
	fi

	SITE=$WORK/site TWIN=$WORK/hugo
	echo "== generating $PAGES pages x $LOCALES (coverage $COVERAGE) into $WORK"
	gen_args=(-locales "$LOCALES" -coverage "$COVERAGE" -stale 5 -seed 1)
	/usr/bin/time -f '   sitegen: %e s wall, %M KB peak' "$WORK/bin/sitegen" -pages "$PAGES" "${gen_args[@]}" -out "$SITE" -hugo "$TWIN"
	echo "   inputs: $(du -sh "$SITE/content" | cut -f1) of pages, $(du -sh "$SITE/locales" | cut -f1) of catalogs"
	if [[ -n $BASE ]]; then
		# The baseline's site: a copy made before anything ran on either.
		SITE_BASE=$WORK/site-base
		cp -a "$SITE" "$SITE_BASE"
	fi

	# The l10n site: a build from nothing, a build with nothing changed, a
	# build after one translation changed (es_line's). With -B, each of
	# these and of the extracts below is taken of both binaries (pair).
	pair "build full" "rm -rf $CLEAN" 'exec "$L10N" build' public
	pair "build no-op" ":" 'exec "$L10N" build' public
	ES_LINE=$(es_line "$SITE")
	if [[ -z $ES_LINE ]]; then
		echo "bench.sh: locales/es.toml has no current translation of a page to edit" >&2
		exit 1
	fi
	if [[ -n $BASE && $(es_line "$SITE_BASE") != "$ES_LINE" ]]; then
		echo "bench.sh: the baseline's locales/es.toml is not the tree's: no one line to edit in both" >&2
		exit 1
	fi
	pair "build 1 message" 'sed -i "'"$ES_LINE"'s/\"$/ edit$I\"/" locales/es.toml' 'exec "$L10N" build' public

	# Extract with nothing changed, then after an edit of one paragraph of
	# one page; then that edit followed by extract and build, as a writer
	# runs them. The page and catalogs are put back after each.
	# Untimed: an extract after sitegen and the edit above, so that the
	# first run of "extract no-op" has nothing to do either.
	settle "extract first" 'exec "$L10N" extract'
	pair "extract no-op" ":" 'exec "$L10N" extract'
	pair "extract cold" "rm -f .l10n-cache/extract.stamp .l10n-cache/extract.index" 'exec "$L10N" extract' locales
	PAGE=$(cd "$SITE" && find content -name '*.md' | sort | awk 'NR == 1')
	PARA=$(awk 'NR > 1 && /^\+\+\+$/ { fm = 1; next } fm && /^[A-Z]/ { print NR; exit }' "$SITE/$PAGE")
	if [[ -z $PARA ]]; then
		echo "bench.sh: $PAGE has no paragraph to edit" >&2
		exit 1
	fi
	# Each site's page and catalogs as they are now, into its own $ORIG
	# (with -B the baseline's extract may lay catalogs out otherwise).
	settle "save" 'mkdir -p "$ORIG" && cp '"'$PAGE'"' "$ORIG/page" && cp -r locales "$ORIG/locales"'
	restore='cp "$ORIG/page" '"'$PAGE'"' && rm -rf locales && cp -r "$ORIG/locales" locales'
	pair "extract 1 edit" 'sed "'"$PARA"'s/$/ Updated $I./" "$ORIG/page" >'"'$PAGE'" 'exec "$L10N" extract' locales
	# Untimed: the site as it was, its public/ and caches up to date.
	settle "settle" "$restore"' && "$L10N" extract && "$L10N" build'
	pair "edit+extract+build" 'sed "'"$PARA"'s/$/ Revised $I./" "$ORIG/page" >'"'$PAGE'" \
		'"$L10N" extract && exec "$L10N" build' public
	settle "restore" "$restore"
	rm -rf "$WORK/orig/locales" "$WORK/orig-base/locales"

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
	if [[ -n $BASE ]]; then
		echo
		printf 'Before (%s) and after (this tree), each on its own copy of the site, interleaved run by run; medians;\n' "$BASE_LABEL"
		printf '"a/b" is after / before. "no worse": wall and user after at most before + %s%% + 0.02 s, peak at most before + %s%%, no more files written:\n\n' "$NOISE" "$NOISE"
		printf '| %-18s | %4s | %7s | %7s | %6s | %7s | %7s | %6s | %7s | %7s | %6s | %7s | %7s | %-23s |\n' measurement runs wall_b wall_a a/b user_b user_a a/b MiB_b MiB_a a/b files_b files_a verdict
		printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' -------------------- ------ --------- --------- -------- --------- --------- -------- --------- --------- -------- --------- --------- -------------------------
		WORSE=0
		for name in "build full" "build no-op" "build 1 message" "extract no-op" "extract cold" "extract 1 edit" "edit+extract+build"; do
			versus "$name"
		done
		echo
		if ((WORSE == 0)); then
			echo "Before and after: no figure worse."
		else
			echo "Before and after: $WORSE of 7 measurements worse."
		fi
	fi
	if [[ $KEEP == 1 ]]; then
		echo
		echo "Work folder kept: $WORK (times/ holds every run, log/ the output of each)"
	fi
}

main "$@"
