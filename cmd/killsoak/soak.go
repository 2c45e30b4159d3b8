package main

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/hsi-l10n/l10n/internal/sitegen"
	"github.com/hsi-l10n/l10n/internal/sitetree"
)

// tally is what the kills of one scenario came to.
type tally struct {
	kills     int // SIGKILLs that landed before the command finished
	finished  int // runs that finished before their kill: not counted
	mixed     int // files a kill left neither old nor new
	failed    int // reruns that did not exit 0
	divergent int // reruns whose site differs from an uninterrupted run's
	stray     int // leftovers of interrupted writes a rerun left
	examples  []string
}

func (t *tally) add(u tally) {
	t.kills += u.kills
	t.finished += u.finished
	t.mixed += u.mixed
	t.failed += u.failed
	t.divergent += u.divergent
	t.stray += u.stray
	t.examples = append(t.examples, u.examples...)
}

func (t tally) bad() bool { return t.mixed+t.failed+t.divergent+t.stray > 0 }

// soak generates the site, then kills each scenario's command in turn;
// it reports whether every kill converged.
func soak(o options, stdout io.Writer) (bool, error) {
	work, err := os.MkdirTemp("", "killsoak-")
	if err != nil {
		return false, err
	}
	if o.keep {
		fmt.Fprintln(stdout, "work folder:", work)
	} else {
		defer os.RemoveAll(work)
	}
	bin := filepath.Join(work, "l10n")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/hsi-l10n/l10n/cmd/l10n").CombinedOutput(); err != nil {
		return false, fmt.Errorf("go build: %v\n%s", err, out)
	}
	base := filepath.Join(work, "base")
	gen := sitegen.Options{Pages: o.pages, Locales: o.locales, Stale: 5, Seed: o.seed}
	for i := range o.locales {
		gen.Coverage = append(gen.Coverage, 100-40*(i%2)) // 100, 60, 100, …
	}
	if err := sitegen.Generate(base, gen); err != nil {
		return false, err
	}
	fmt.Fprintf(stdout, "site: %d pages × %d locales; %d kills, %d at once\n", o.pages, len(o.locales), o.kills, o.jobs)
	fmt.Fprintf(stdout, "%-18s %9s %6s %9s %6s %7s %10s %6s\n", "command", "one run", "kills", "finished", "mixed", "failed", "divergent", "stray")
	var total tally
	list := scenarios(o.pages)
	for i, sc := range list {
		n := o.kills / len(list)
		if i < o.kills%len(list) {
			n++
		}
		t, d, err := soakOne(o, bin, base, filepath.Join(work, fmt.Sprint(i)), sc, n, o.seed+uint64(i))
		if err != nil {
			return false, fmt.Errorf("%s: %w", sc.name, err)
		}
		fmt.Fprintf(stdout, "%-18s %9s %6d %9d %6d %7d %10d %6d\n", sc.name, d.Round(time.Millisecond), t.kills, t.finished, t.mixed, t.failed, t.divergent, t.stray)
		total.add(t)
	}
	fmt.Fprintf(stdout, "%-18s %9s %6d %9d %6d %7d %10d %6d\n", "total", "", total.kills, total.finished, total.mixed, total.failed, total.divergent, total.stray)
	for _, e := range total.examples[:min(len(total.examples), 10)] {
		fmt.Fprintln(stdout, e)
	}
	return !total.bad(), nil
}

// soakOne prepares a scenario's site, runs its command once
// uninterrupted for the site every rerun must reach and for how long it
// runs, then lands n kills at moments drawn from that run's length.
func soakOne(o options, bin, base, work string, sc scenario, n int, seed uint64) (tally, time.Duration, error) {
	prep, ref := filepath.Join(work, "before"), filepath.Join(work, "want")
	if err := copyDir(base, prep); err != nil {
		return tally{}, 0, err
	}
	if err := sc.prepare(bin, prep); err != nil {
		return tally{}, 0, err
	}
	before, err := sitetree.Read(prep)
	if err != nil {
		return tally{}, 0, err
	}
	if err := sitetree.Write(ref, before); err != nil {
		return tally{}, 0, err
	}
	start := time.Now()
	if err := l10n(bin, ref, sc.args...); err != nil {
		return tally{}, 0, err
	}
	d := time.Since(start)
	want, err := sitetree.Read(ref)
	if err != nil {
		return tally{}, 0, err
	}
	k := killer{bin: bin, args: sc.args, before: before, want: want, d: d, seed: seed, n: n}
	return k.run(o.jobs, work), d, nil
}

// killer lands n kills of one command, from workers that share its
// counts.
type killer struct {
	bin          string
	args         []string
	before, want sitetree.Tree
	d            time.Duration
	seed         uint64
	n            int

	mu       sync.Mutex
	attempts int
	t        tally
}

// run lands the kills from jobs workers, each in its own folder of work;
// it gives up after 10n attempts (a command too quick to kill).
func (k *killer) run(jobs int, work string) tally {
	var wg sync.WaitGroup
	for w := range jobs {
		wg.Go(func() {
			dir := filepath.Join(work, fmt.Sprintf("kill-%d", w))
			for {
				k.mu.Lock()
				if k.t.kills >= k.n || k.attempts >= 10*k.n {
					k.mu.Unlock()
					return
				}
				attempt := k.attempts
				k.attempts++
				k.mu.Unlock()
				u := k.once(dir, attempt)
				k.mu.Lock()
				k.t.add(u)
				k.mu.Unlock()
			}
		})
	}
	wg.Wait()
	return k.t
}

// once copies the site into dir, starts the command, kills it at a
// moment drawn from the attempt's number, checks what it left, reruns it
// and compares the site with an uninterrupted run's.
func (k *killer) once(dir string, attempt int) tally {
	fail := func(format string, args ...any) tally {
		return tally{failed: 1, examples: []string{fmt.Sprintf("%s, kill %d: %s", k.args[0], attempt, fmt.Sprintf(format, args...))}}
	}
	if err := os.RemoveAll(dir); err != nil {
		return fail("%v", err)
	}
	if err := sitetree.Write(dir, k.before); err != nil {
		return fail("%v", err)
	}
	r := rand.New(rand.NewPCG(k.seed, uint64(attempt)))
	killed, err := startAndKill(k.bin, dir, k.args, time.Duration(r.Float64()*float64(k.d)))
	if err != nil {
		return fail("%v", err)
	}
	if !killed {
		return tally{finished: 1}
	}
	var t tally
	t.kills = 1
	got, err := sitetree.Read(dir)
	if err != nil {
		return fail("%v", err)
	}
	if m := sitetree.Mixed(got, k.before, k.want); m != nil {
		t.mixed = len(m)
		t.examples = append(t.examples, fmt.Sprintf("%s, kill %d left neither old nor new: %s", k.args[0], attempt, strings.Join(m, ", ")))
	}
	if err := l10n(k.bin, dir, k.args...); err != nil {
		t.add(fail("rerun: %v", err))
		return t
	}
	if got, err = sitetree.Read(dir); err != nil {
		t.add(fail("%v", err))
		return t
	}
	if d := sitetree.Diff(got, k.want); d != nil {
		t.divergent = 1
		t.examples = append(t.examples, fmt.Sprintf("%s, kill %d: the rerun differs: %s", k.args[0], attempt, strings.Join(d[:min(len(d), 5)], ", ")))
	}
	if l := sitetree.Leftovers(got); l != nil {
		t.stray = len(l)
		t.examples = append(t.examples, fmt.Sprintf("%s, kill %d: the rerun left %s", k.args[0], attempt, strings.Join(l, ", ")))
	}
	return t
}

// startAndKill runs bin with args in dir and sends it SIGKILL after
// delay; it reports whether the kill landed before the command finished.
func startAndKill(bin, dir string, args []string, delay time.Duration) (bool, error) {
	cmd := exec.Command(bin, append([]string{"-C", dir}, args...)...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return false, err
	}
	timer := time.AfterFunc(delay, func() { cmd.Process.Signal(syscall.SIGKILL) })
	err := cmd.Wait()
	timer.Stop()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return true, nil
		}
	}
	if err != nil {
		return false, fmt.Errorf("l10n %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return false, nil
}

// copyDir copies the site in src to dst.
func copyDir(src, dst string) error {
	t, err := sitetree.Read(src)
	if err != nil {
		return err
	}
	return sitetree.Write(dst, t)
}
