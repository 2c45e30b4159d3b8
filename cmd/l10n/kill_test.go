package main

// What the kill tests of build and import share: running l10n as a child
// process, watching what it does to the site's folders, and killing it at
// a point chosen from that.

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

var killSeed = flag.Uint64("killseed", 0, "seed of the kill tests' kill points; 0 takes one from the clock")

// killCount returns how many kills a kill test makes: full, or short
// with -short, which it logs.
func killCount(t *testing.T, full, short int) int {
	t.Helper()
	if testing.Short() {
		t.Logf("-short: %d kills instead of %d", short, full)
		return short
	}
	return full
}

// fsEvent is a change to a folder a child's run is watched in.
type fsEvent struct {
	at   time.Duration // when it was seen, from the child's start
	what string        // "create .l10n-cache/.build.manifest123"
}

// childRun is a run of l10n as a child process.
type childRun struct {
	start  time.Time     // just before it was started
	took   time.Duration // from start to its end
	events []fsEvent     // the changes to the watched folders, in order
	killed bool          // ended by our SIGKILL, not by itself
	out    string        // its standard output and error
	err    error         // it could not start, or exited with a status other than 0
}

// eventKill says when to kill a child: delay after the after-th change
// to the watched folders (after its start when after is 0).
type eventKill struct {
	after int
	delay time.Duration
}

// watchMask is what changes to a watched folder are events: entries
// created, deleted, renamed from or to it, and files written and closed.
const watchMask = unix.IN_CREATE | unix.IN_DELETE | unix.IN_MOVED_FROM | unix.IN_MOVED_TO | unix.IN_CLOSE_WRITE

// runKilled runs bin with args, watching the folders dir/watched (by
// inotify), and kills it (SIGKILL) at kp unless it has ended by then;
// with kp nil it is not killed. It returns once the child has ended.
// What it cannot set up is the run's err.
func runKilled(bin, dir string, watched []string, kp *eventKill, args ...string) childRun {
	var c childRun
	fd, err := unix.InotifyInit1(unix.IN_NONBLOCK | unix.IN_CLOEXEC)
	if err != nil {
		c.err = fmt.Errorf("inotify: %w", err)
		return c
	}
	// Non-blocking, so that a Read waits in the runtime's poller and
	// Close ends it.
	f := os.NewFile(uintptr(fd), "inotify")
	defer f.Close()
	folders := map[uint32]string{} // by watch descriptor
	for _, w := range watched {
		wd, err := unix.InotifyAddWatch(fd, filepath.Join(dir, w), watchMask)
		if err != nil {
			c.err = fmt.Errorf("inotify watch on %s: %w", w, err)
			return c
		}
		folders[uint32(wd)] = w
	}

	cmd := exec.Command(bin, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	c.start = time.Now()
	if err := cmd.Start(); err != nil {
		c.err = err
		return c
	}
	events, done := make(chan []string), make(chan struct{})
	defer close(done)
	go readEvents(f, folders, events, done)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	var timer <-chan time.Time
	if kp != nil && kp.after == 0 {
		timer = time.After(kp.delay)
	}
	for {
		select {
		case batch := <-events:
			at := time.Since(c.start)
			for _, what := range batch {
				c.events = append(c.events, fsEvent{at, what})
				if kp != nil && len(c.events) == kp.after {
					timer = time.After(kp.delay)
				}
			}
			continue
		case <-timer:
			_ = cmd.Process.Kill() // a child that has just ended is no error
			timer = nil
			continue
		case err = <-exited:
		}
		break
	}
	c.took, c.out = time.Since(c.start), out.String()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
		c.killed = true
	} else {
		c.err = err
	}
	return c
}

// readEvents sends on events each batch of inotify events read from f, as
// "create folder/name" and the like, until f is closed or done is.
func readEvents(f *os.File, folders map[uint32]string, events chan<- []string, done <-chan struct{}) {
	kinds := []struct {
		mask uint32
		name string
	}{{unix.IN_CREATE, "create"}, {unix.IN_DELETE, "delete"}, {unix.IN_MOVED_FROM, "move from"}, {unix.IN_MOVED_TO, "move to"}, {unix.IN_CLOSE_WRITE, "write"}}
	buf := make([]byte, 1<<16)
	for {
		n, err := f.Read(buf)
		if err != nil {
			return
		}
		var batch []string
		for off := 0; off+unix.SizeofInotifyEvent <= n; {
			wd := binary.NativeEndian.Uint32(buf[off:])
			mask := binary.NativeEndian.Uint32(buf[off+4:])
			size := int(binary.NativeEndian.Uint32(buf[off+12:]))
			name := string(bytes.TrimRight(buf[off+unix.SizeofInotifyEvent:off+unix.SizeofInotifyEvent+size], "\x00"))
			off += unix.SizeofInotifyEvent + size
			for _, k := range kinds {
				if mask&k.mask != 0 {
					batch = append(batch, k.name+" "+filepath.Join(folders[wd], name))
				}
			}
		}
		if len(batch) > 0 {
			select {
			case events <- batch:
			case <-done:
				return
			}
		}
	}
}

// killPlan chooses where to kill children, from runs to completion of
// the same command from the same state. Half of the kills are placed the
// way the extract test places its kills from its "wrote" lines: after the
// k-th event (k drawn from 0, the start, to the number of events), plus a
// delay drawn from up to 1.2 times the time from that event to the next
// (to the end, after the last). Events are the points where what the
// child leaves changes, most of them close together at the end, so these
// kills spread over the states the child passes through. The other half
// are placed at a time drawn from the start to a tenth past the end, so
// the long phases (reading, rendering, updating the standby) get kills in
// proportion to their length.
type killPlan struct {
	rng  *rand.Rand
	runs int
	gaps []time.Duration // gaps[k]: from the k-th event to the next, summed over runs
	what []string        // the events of the first run
}

// newKillRand returns the source killPlans draw from, seeded with
// -killseed or from the clock, and logs the seed.
func newKillRand(t *testing.T) *rand.Rand {
	t.Helper()
	seed := *killSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("kill points drawn with seed %d (go test -run %s -killseed=%d draws them again)", seed, t.Name(), seed)
	return rand.New(rand.NewPCG(seed, 0))
}

// learn adds c, a run to completion, to the timings; a run with another
// number of events than the first is left out, and reported.
func (p *killPlan) learn(c childRun) error {
	if p.runs == 0 {
		p.gaps = make([]time.Duration, len(c.events)+1)
		for _, e := range c.events {
			p.what = append(p.what, e.what)
		}
	} else if len(c.events)+1 != len(p.gaps) {
		return fmt.Errorf("%d events, the first run %d", len(c.events), len(p.gaps)-1)
	}
	last := time.Duration(0)
	for i, e := range c.events {
		p.gaps[i] += e.at - last
		last = e.at
	}
	p.gaps[len(c.events)] += c.took - last
	p.runs++
	return nil
}

// next draws a kill point.
func (p *killPlan) next() *eventKill {
	if p.rng.IntN(2) == 0 {
		var took time.Duration
		for _, g := range p.gaps {
			took += g
		}
		return &eventKill{delay: time.Duration(p.rng.Float64() * 1.1 * float64(took) / float64(p.runs))}
	}
	k := p.rng.IntN(len(p.gaps))
	return &eventKill{after: k, delay: time.Duration(p.rng.Float64() * 1.2 * float64(p.gaps[k]) / float64(p.runs))}
}

// describe says what kp is, for the log.
func (p *killPlan) describe(kp *eventKill) string {
	if kp.after == 0 {
		return fmt.Sprintf("%v after the start", kp.delay.Round(time.Microsecond))
	}
	return fmt.Sprintf("%v after event %d (%s)", kp.delay.Round(time.Microsecond), kp.after, p.what[kp.after-1])
}

// timeline returns the events of a run to completion with their mean
// times, for the log.
func (p *killPlan) timeline() string {
	var b bytes.Buffer
	at := time.Duration(0)
	for i, what := range p.what {
		at += p.gaps[i] / time.Duration(p.runs)
		fmt.Fprintf(&b, "\n\t%8v  %s", at.Round(time.Microsecond), what)
	}
	at += p.gaps[len(p.what)] / time.Duration(p.runs)
	fmt.Fprintf(&b, "\n\t%8v  end", at.Round(time.Microsecond))
	return b.String()
}

// parsed remembers the catalogs checked with checkCatalog, by SHA-256 of
// name and contents, so that a kill test checks each distinct file once
// however often kills leave it.
type parsed map[[32]byte]bool

// check checks src, the file locales/name, as checkCatalog does, unless
// the same bytes were checked before.
func (p parsed) check(t *testing.T, name string, src []byte) {
	t.Helper()
	sum := sha256.Sum256(append([]byte(name+"\x00"), src...))
	if !p[sum] {
		checkCatalog(t, name, src)
		p[sum] = true
	}
}
